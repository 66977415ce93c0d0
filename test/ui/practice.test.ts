import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { buildQuiz } from '../../src/course/generate-quiz.js';
import type { QuizItem } from '../../src/course/types.js';
import { recordPage } from '../../src/progress/record.js';
import { recordReview, reviewKey } from '../../src/progress/review.js';
import { emptyProgress, type ProgressDoc } from '../../src/progress/types.js';
import { generatedItems, practiceLoader } from '../../src/ui/review-loader.js';
import { PRACTICE_LOADING, practiceSeed } from '../../src/ui/state/practice-nav.js';
import { initialState, reducer } from '../../src/ui/state/reducer.js';
import type { Action, AppState, QuizScreen } from '../../src/ui/state/types.js';
import { testCourse } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const course = testCourse();
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const stateWith = (progress: ProgressDoc) =>
  initialState({ course, progress, notice: null, isFirstRun: false });
const quiz = (s: AppState) => s.screen as QuizScreen;
const current = (s: AppState) =>
  quiz(s).items!.find((i) => reviewKey(i.lessonId, i.id) === quiz(s).queue[quiz(s).pos])!;
/** Picks the right choices of the current item (every one, for a multi-choice item) or one wrong one. */
function answer(s: AppState, right: boolean): AppState {
  const item = current(s);
  const wanted = right ? item.answer : [item.choices.find((c) => !item.answer.includes(c))!];
  const picks = wanted.map((c) => ({ type: 'pick', n: item.choices.indexOf(c) + 1 }) as Action);
  return run(s, ...picks, { type: 'select', now });
}

let generated: QuizItem[];
let drawn: QuizItem[];
/** The learner was reading beta, the lesson under the cursor; beta has no generated questions. */
const readingBeta = () => recordPage(emptyProgress(), 'beta', 0);

beforeAll(async () => {
  // The real generator over the test course's real fixture certificate.
  generated = generateItems(await loadFixtureFiles(course), ['alpha', 'beta']);
  drawn = buildQuiz({ course, generated, count: 10, seed: practiceSeed(now) });
});

describe('practice round in the course TUI (reducer)', () => {
  it('draws 10 questions, authored and generated, from more than one lesson', () => {
    expect(drawn).toHaveLength(10);
    expect(drawn.some((i) => i.source === 'authored')).toBe(true);
    expect(drawn.some((i) => i.source !== 'authored')).toBe(true);
    expect(new Set(drawn.map((i) => i.lessonId))).toEqual(new Set(['alpha', 'beta']));
  });

  it('asks on p for 10 questions with a seed from the clock and the lesson under the cursor, showing a loading notice', () => {
    const asked = run(stateWith(readingBeta()), { type: 'practice', now });
    expect(asked.screen).toEqual({ kind: 'home', cursor: 1 });
    expect(asked.practiceRequest).toEqual({ seed: practiceSeed(now), lessonId: 'beta', count: 10 });
    expect(asked.notice).toBe(PRACTICE_LOADING);
    // A second p while it loads asks nothing new.
    expect(run(asked, { type: 'practice', now: new Date(now.getTime() + 1000) })).toBe(asked);
    const later = run(stateWith(readingBeta()), { type: 'practice', now: new Date(now.getTime() + 1000) });
    expect(later.practiceRequest?.seed).not.toBe(asked.practiceRequest?.seed);
  });

  it('records each of the 10 answers under its own lesson, reschedules it, and ends on the practice score', () => {
    const before = readingBeta();
    const asked = run(stateWith(before), { type: 'practice', now });
    let s = reducer(asked, { type: 'practiceItems', items: drawn, seed: practiceSeed(now) });
    expect(s.screen).toMatchObject({ kind: 'quiz', lessonId: null, practiceSeed: practiceSeed(now), pos: 0 });
    expect(quiz(s).queue).toEqual(drawn.map((i) => reviewKey(i.lessonId, i.id)));
    expect(s.notice).toBeNull();
    expect(s.practiceRequest).toBeNull();

    const missed: string[] = [];
    drawn.forEach((item, i) => {
      expect(current(s)).toBe(item);
      const right = i % 3 !== 0;
      s = answer(s, right);
      if (!right) missed.push(reviewKey(item.lessonId, item.id));
      // A practice answer feeds the review schedule only: no lesson looks started or changes.
      expect(s.progress.lessons).toEqual(before.lessons);
      expect(s.progress.review[reviewKey(item.lessonId, item.id)]).toEqual(
        recordReview(before, reviewKey(item.lessonId, item.id), right ? 'good' : 'again', now).review[
          reviewKey(item.lessonId, item.id)
        ],
      );
      s = run(s, { type: 'select', now });
    });
    expect(missed).toHaveLength(4);
    expect(s.screen).toEqual({
      kind: 'score',
      lessonId: null,
      items: drawn,
      practiceSeed: practiceSeed(now),
      score: 6,
      total: 10,
      missed,
      isRetry: false,
    });
    // No lesson score from a practice round, and the lesson being read stays the one to continue.
    expect(s.progress.lessons.alpha?.quiz).toBeUndefined();
    expect(s.progress.lessons.beta?.done).toBe(false);
    expect(s.progress.lastLesson).toBe('beta');
    expect(run(s, { type: 'select', now }).screen).toEqual({ kind: 'home', cursor: 1 });
    expect(run(s, { type: 'back' }).screen).toEqual({ kind: 'home', cursor: 1 });
  });

  it('retries the missed practice questions as a practice retry, recording them again', () => {
    let s = reducer(run(stateWith(readingBeta()), { type: 'practice', now }), {
      type: 'practiceItems',
      items: drawn,
      seed: practiceSeed(now),
    });
    for (let i = 0; i < drawn.length; i++) s = run(answer(s, i >= 2), { type: 'select', now });
    s = run(s, { type: 'retry' });
    const missed = drawn.slice(0, 2);
    expect(s.screen).toMatchObject({
      kind: 'quiz',
      isRetry: true,
      practiceSeed: practiceSeed(now),
      queue: missed.map((i) => reviewKey(i.lessonId, i.id)),
    });
    for (const item of missed) {
      const reps = s.progress.review[reviewKey(item.lessonId, item.id)]!.reps;
      s = answer(s, true);
      expect(s.progress.review[reviewKey(item.lessonId, item.id)]!.reps).toBe(reps + 1);
      expect(s.progress.lessons).toEqual(readingBeta().lessons);
      s = run(s, { type: 'select', now });
    }
    expect(s.screen).toMatchObject({
      kind: 'score',
      isRetry: true,
      practiceSeed: practiceSeed(now),
      total: 2,
    });
    expect(run(s, { type: 'select', now }).screen.kind).toBe('home');
  });

  it('ignores late items of another seed, drops the request on leaving home, and says why it failed', () => {
    const asked = run(stateWith(readingBeta()), { type: 'practice', now });
    expect(reducer(asked, { type: 'practiceItems', items: drawn, seed: 'other' })).toBe(asked);
    const left = run(asked, { type: 'select', now });
    expect(left.screen.kind).toBe('lesson');
    expect(left.practiceRequest).toBeNull();
    expect(left.notice).toBeNull();
    expect(reducer(left, { type: 'practiceItems', items: drawn, seed: practiceSeed(now) })).toBe(left);
    const failed = reducer(asked, { type: 'practiceFailed', message: 'cannot read fixtures' });
    expect(failed.notice).toBe('the practice round could not be prepared: cannot read fixtures');
    expect(failed.practiceRequest).toBeNull();
    expect(failed.screen.kind).toBe('home');
  });
});

describe('practice loader (real generator)', () => {
  it('draws as cert-tutor quiz --count 10 --lesson does, for a focus lesson with generated questions', async () => {
    const load = practiceLoader(generatedItems());
    const request = { seed: 'abc', lessonId: 'alpha', count: 10 };
    const items = await load(course, request);
    expect(items).toEqual(buildQuiz({ course, generated, count: 10, seed: 'abc', lessonId: 'alpha' }));
    expect(items.every((i) => i.lessonId === 'alpha')).toBe(true);
    expect(items.some((i) => i.source !== 'authored')).toBe(true);
  });

  it('draws from the whole course when the focus lesson has no questions from real certificates', async () => {
    const items = await practiceLoader()(course, { seed: 'abc', lessonId: 'beta', count: 10 });
    expect(items).toEqual(buildQuiz({ course, generated, count: 10, seed: 'abc' }));
    expect(items).toHaveLength(10);
  });
});
