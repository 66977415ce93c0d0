import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/progress/merge.js';
import type { LessonProgress, ProgressDoc, ReviewCardData } from '../../src/progress/types.js';

const lesson = (over: Partial<LessonProgress>): LessonProgress => ({
  page: 0,
  pagesSeen: 1,
  done: false,
  answers: {},
  ...over,
});
const doc = (
  lessons: Record<string, LessonProgress>,
  review: Record<string, ReviewCardData> = {},
): ProgressDoc => ({
  format: 1,
  lessons,
  review,
});
const card = (lastReview: string, reps: number): ReviewCardData => ({
  due: '2030-01-10T00:00:00.000Z',
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 1,
  learning_steps: 0,
  reps,
  lapses: 0,
  state: 2,
  last_review: lastReview,
});
const answer = (correct: boolean, at: string, attempts: number) => ({ correct, at, attempts });

describe('mergeProgress', () => {
  it('keeps the answers and review cards of both windows (the TUI saving over a quiz in another window)', () => {
    const quizWindow = doc(
      { a: lesson({ answers: { q1: answer(true, '2030-01-01T10:00:00.000Z', 1) } }) },
      { 'a/q1': card('2030-01-01T10:00:00.000Z', 1), 'b/q9': card('2030-01-01T10:01:00.000Z', 1) },
    );
    const tui = doc({ a: lesson({ page: 2, pagesSeen: 3 }) });
    const merged = mergeProgress(quizWindow, tui, doc({}));
    expect(Object.keys(merged.review).sort()).toEqual(['a/q1', 'b/q9']);
    expect(merged.lessons.a).toEqual(
      lesson({ page: 2, pagesSeen: 3, answers: { q1: answer(true, '2030-01-01T10:00:00.000Z', 1) } }),
    );
  });

  it('takes the newest answer, quiz score and review card whichever side it is on', () => {
    const disk = doc(
      {
        a: lesson({
          answers: {
            q1: answer(false, '2030-01-02T00:00:00.000Z', 3),
            q2: answer(true, '2030-01-01T00:00:00.000Z', 1),
          },
          quiz: { score: 1, total: 4, at: '2030-01-01T00:00:00.000Z' },
        }),
      },
      { 'a/q1': card('2030-01-02T00:00:00.000Z', 3), 'a/q2': card('2030-01-01T00:00:00.000Z', 1) },
    );
    const mine = doc(
      {
        a: lesson({
          answers: {
            q1: answer(true, '2030-01-01T00:00:00.000Z', 2),
            q2: answer(false, '2030-01-03T00:00:00.000Z', 2),
          },
          quiz: { score: 4, total: 4, at: '2030-01-03T00:00:00.000Z' },
        }),
      },
      { 'a/q1': card('2030-01-01T00:00:00.000Z', 2), 'a/q2': card('2030-01-03T00:00:00.000Z', 2) },
    );
    const m = mergeProgress(disk, mine);
    expect(m.lessons.a!.answers).toEqual({
      q1: answer(false, '2030-01-02T00:00:00.000Z', 3),
      q2: answer(false, '2030-01-03T00:00:00.000Z', 2),
    });
    expect(m.lessons.a!.quiz).toEqual({ score: 4, total: 4, at: '2030-01-03T00:00:00.000Z' });
    expect(m.review['a/q1']!.reps).toBe(3);
    expect(m.review['a/q2']!.reps).toBe(2);
  });

  it('keeps the page the other window moved to unless this window moved since its base; pagesSeen is the furthest', () => {
    const base = doc({ a: lesson({ page: 1, pagesSeen: 2 }), b: lesson({ page: 0 }) });
    const disk = doc({
      a: lesson({ page: 4, pagesSeen: 5 }),
      b: lesson({ page: 3, pagesSeen: 4, done: true }),
    });
    const mine = doc({ a: lesson({ page: 1, pagesSeen: 2 }), b: lesson({ page: 1, pagesSeen: 2 }) });
    const m = mergeProgress(disk, mine, base);
    expect(m.lessons.a).toMatchObject({ page: 4, pagesSeen: 5 });
    expect(m.lessons.b).toMatchObject({ page: 1, pagesSeen: 4, done: true });
  });

  it('takes lastLesson from this window only when it opened a lesson since its base', () => {
    const disk = { ...doc({}), lastLesson: 'chains' };
    expect(
      mergeProgress(disk, { ...doc({}), lastLesson: 'eku' }, { ...doc({}), lastLesson: 'eku' }).lastLesson,
    ).toBe('chains');
    expect(
      mergeProgress(disk, { ...doc({}), lastLesson: 'keys' }, { ...doc({}), lastLesson: 'eku' }).lastLesson,
    ).toBe('keys');
  });

  it('never mutates its inputs', () => {
    const disk = doc({ a: lesson({ answers: { q1: answer(true, '2030-01-01T00:00:00.000Z', 1) } }) });
    const mine = doc({ a: lesson({ answers: { q2: answer(true, '2030-01-01T00:00:00.000Z', 1) } }) });
    const before = JSON.stringify([disk, mine]);
    mergeProgress(disk, mine);
    expect(JSON.stringify([disk, mine])).toBe(before);
  });
});

describe('mergeProgress counting attempts', () => {
  it('adds the answers this window gave since its base to the count on disk', () => {
    const at = '2030-01-01T00:00:00.000Z';
    const base = doc({ a: lesson({ answers: { q1: answer(true, at, 2) } }) });
    const disk = doc({ a: lesson({ answers: { q1: answer(true, '2030-01-02T00:00:00.000Z', 3) } }) }); // the other window: +1
    const mine = doc({ a: lesson({ answers: { q1: answer(false, '2030-01-03T00:00:00.000Z', 4) } }) }); // this one: +2
    expect(mergeProgress(disk, mine, base).lessons.a!.answers.q1).toEqual(
      answer(false, '2030-01-03T00:00:00.000Z', 5),
    );
    // An item this window answered for the first time since its base counts in full.
    expect(mergeProgress(disk, mine, doc({})).lessons.a!.answers.q1!.attempts).toBe(7);
  });
});
