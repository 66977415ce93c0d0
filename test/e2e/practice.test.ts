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
    const verdict = await t.waitFor(/Right\.|Not quite/, 'the verdict');
    const correct = /Right\./.test(verdict);
    t.type('q');
    await t.waitFor('[exited 0]', 'the app to exit');

    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    // One answer, under the lesson the screen named, scheduled for review from now.
    const answers = Object.entries(saved.lessons).flatMap(([id, l]) =>
      Object.entries((l as { answers: Record<string, unknown> }).answers).map(([item, a]) => ({
        id,
        item,
        a,
      })),
    );
    expect(answers).toHaveLength(1);
    const [{ id, item, a }] = answers as [(typeof answers)[number]];
    expect(id).toBe(lesson.id);
    expect(a).toMatchObject({ correct, attempts: 1 });
    expect(lesson.quiz.some((q) => q.id === item) || item.startsWith('gen:')).toBe(true);
    expect(Object.keys(saved.review)).toEqual([`${id}/${item}`]);
    expect(Date.parse(saved.review[`${id}/${item}`].due)).toBeGreaterThanOrEqual(startedAt);
    // Practising is not reading: no lesson to continue is set, no lesson score recorded.
    expect(saved.lastLesson).toBeUndefined();
    expect(saved.lessons[id].quiz).toBeUndefined();
  });
});
