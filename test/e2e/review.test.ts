import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/index.js';
import type { Course, QuizItem } from '../../src/course/types.js';
import { lessonsDir } from '../../src/paths.js';
import { recordPage } from '../../src/progress/record.js';
import { recordReview, reviewKey } from '../../src/progress/review.js';
import { emptyProgress } from '../../src/progress/types.js';
import { e2eSessions, requireBinary } from './tmux.js';

let course: Course;
const { newHome, open } = e2eSessions();

beforeAll(async () => {
  requireBinary();
  course = await loadCourse(lessonsDir());
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('review in the course, in a real terminal (tmux, built binary)', () => {
  it('v on home reviews an item that is due, and the answer reschedules it in progress.json', async () => {
    // Lesson 2's first quiz item, missed three days ago: due again since (10-minute relearning step).
    const lesson = course.lessons[1]!;
    const item: QuizItem = lesson.quiz[0]!;
    const key = reviewKey(lesson.id, item.id);
    const missedAt = new Date(Date.now() - 3 * 86_400_000);
    const doc = recordPage(recordReview(emptyProgress(), key, 'again', missedAt), course.lessons[0]!.id, 1);
    const home = newHome();
    writeFileSync(join(home, 'progress.json'), JSON.stringify(doc));
    const startedAt = Date.now();

    const t = open('review', home);
    await t.waitFor('1 item due for review: press v to review it', 'the home line');
    t.type('v');
    await t.waitFor('Review  │ question 1 of 1', 'the review question');
    // The choices are shuffled for the day: find the right one's number on screen.
    const screen = t.screen();
    const n = screen.match(new RegExp(`(\\d)\\. ${escapeRe(item.answer[0]!)}\\s*$`, 'm'))?.[1];
    expect(n, screen).toBeDefined();
    t.type(n!);
    t.keys('Enter');
    await t.waitFor('Right.', 'the answer to be right');
    t.keys('Enter');
    await t.waitFor('Reviewed 1 item, 1 right.', 'the review score');
    t.keys('Enter');
    await t.waitFor('lessons done', 'the home screen');
    expect(t.screen()).not.toContain('due for review');
    t.type('q');
    await t.waitFor('[exited 0]', 'the app to exit');

    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    // A review answer feeds the review schedule only: the lesson does not look started.
    expect(saved.lessons[lesson.id]).toBeUndefined();
    expect(saved.review[key].reps).toBe(doc.review[key]!.reps + 1);
    // Right in review graduates the item: due again days from now, no longer in the past.
    expect(Date.parse(saved.review[key].due)).toBeGreaterThan(startedAt + 86_400_000);
    // Reviewing is not reading: the lesson to continue stays lesson 1; no lesson score is recorded.
    expect(saved.lastLesson).toBe(course.lessons[0]!.id);
    expect(saved.lessons[lesson.id]?.quiz).toBeUndefined();
  });
});
