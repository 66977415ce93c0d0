import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/index.js';
import type { Course } from '../../src/course/types.js';
import { lessonsDir } from '../../src/paths.js';
import { e2eSessions, requireBinary } from './tmux.js';

let course: Course;
const { newHome, open } = e2eSessions();

beforeAll(async () => {
  requireBinary();
  course = await loadCourse(lessonsDir());
});

describe('practice in the course, in a real terminal (tmux, built binary)', () => {
  it('p on home asks the first of 10 questions; its answer is saved and scheduled in progress.json', async () => {
    const home = newHome();
    const startedAt = Date.now();
    const t = open('practice', home);
    await t.waitFor('p practice', 'the home hint');
    t.type('p');
    await t.waitFor('Practice  │ question 1 of 10', 'the first practice question');
    const from = t.screen().match(/From lesson (\d+), /)?.[1];
    expect(from, t.screen()).toBeDefined();
    const lesson = course.lessons.find((l) => l.number === Number(from))!;
    t.type('1');
    t.keys('Enter');
    await t.waitFor(/Right\.|Not quite/, 'the verdict');
    t.type('q');
    await t.waitFor('[exited 0]', 'the app to exit');

    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    // One answer, scheduled for review from now under the lesson the screen named.
    const keys = Object.keys(saved.review);
    expect(keys).toHaveLength(1);
    const [id, item] = keys[0]!.split('/') as [string, string];
    expect(id).toBe(lesson.id);
    expect(lesson.quiz.some((q) => q.id === item) || item.startsWith('gen:')).toBe(true);
    expect(Date.parse(saved.review[keys[0]!].due)).toBeGreaterThanOrEqual(startedAt);
    // Practising is not reading: no lesson looks started, none to continue, no lesson score.
    expect(saved.lessons).toEqual({});
    expect(saved.lastLesson).toBeUndefined();
  });
});
