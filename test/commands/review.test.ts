import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as quiz } from '../../src/commands/quiz.js';
import { run as review, reviewItems } from '../../src/commands/review.js';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { buildQuiz } from '../../src/course/generate-quiz.js';
import { type Course, loadCourse, type QuizItem } from '../../src/course/index.js';
import { lessonsDir } from '../../src/paths.js';
import { dueCount } from '../../src/progress/review.js';
import { scriptedContext } from './command-context.js';

// The pinned clock: 2026-11-26 12:00 UTC.
const T0 = new Date('2026-11-26T12:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

let items: QuizItem[];
let course: Course;
let generated: QuizItem[];

const typed = (item: QuizItem, right: boolean) => {
  const n = item.choices.map((c, i) => ({ c, n: i + 1 }));
  return right
    ? n
        .filter((x) => item.answer.includes(x.c))
        .map((x) => x.n)
        .join(' ')
    : String(n.find((x) => !item.answer.includes(x.c))!.n);
};

beforeAll(async () => {
  course = await loadCourse(lessonsDir(), { now: T0 });
  generated = generateItems(
    await loadFixtureFiles(course),
    course.lessons.map((l) => l.id),
  );
  items = buildQuiz({ course, generated, seed: 'review-test', count: 4 });
});

describe('cert-tutor review', () => {
  it('drills only the items answered wrongly once they are due, and reschedules them', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const env = { CERT_TUTOR_HOME: home };
    const pattern = [false, true, false, true];
    const answers = items.map((it, i) => typed(it, pattern[i]!)).join('\n');
    expect(
      await quiz(
        ['--plain', '--seed', 'review-test', '--count', '4'],
        scriptedContext(`${answers}\n`, T0, env).ctx,
      ),
    ).toBe(0);

    const doc = () => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(dueCount(doc(), T0)).toBe(0);
    // An hour later the two wrong ones are due (FSRS relearns them within minutes), the right ones are not.
    expect(dueCount(doc(), hours(1))).toBe(2);

    // The review asks the two missed items, its own choice order: answer both right.
    const due = reviewItems(course, generated, doc(), hours(1));
    expect(due.map((i) => i.id).sort()).toEqual([items[0]!.id, items[2]!.id].sort());
    const later = scriptedContext(`${due.map((i) => typed(i, true)).join('\n')}\n`, hours(1), env);
    expect(await review(['--plain'], later.ctx)).toBe(0);
    expect(later.stdout()).toContain('Review: 2 items are due.');
    expect(later.stdout()).toContain(items[0]!.prompt.slice(0, 30));
    expect(later.stdout()).toContain(items[2]!.prompt.slice(0, 30));
    expect(later.stdout()).not.toContain(`Question 3 of`);
    expect(later.stdout()).toContain('Score: 2 of 2 right');
    expect(dueCount(doc(), hours(1))).toBe(0);
    expect(doc().review[`${items[0]!.lessonId}/${items[0]!.id}`].reps).toBe(2);
  });

  it('says when nothing is due', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const s = scriptedContext('', T0, { CERT_TUTOR_HOME: home });
    expect(await review([], s.ctx)).toBe(0);
    expect(s.stdout()).toContain('Nothing to review yet');
  });
});
