import { describe, expect, it } from 'vitest';
import { reviewItems } from '../../src/course/review-items.js';
import { recordPage } from '../../src/progress/record.js';
import { recordReview } from '../../src/progress/review.js';
import { emptyProgress, type ProgressDoc } from '../../src/progress/types.js';
import { initialState, reducer } from '../../src/ui/state/reducer.js';
import { REVIEW_LOADING } from '../../src/ui/state/review-nav.js';
import type { Action, AppState, QuizScreen } from '../../src/ui/state/types.js';
import { testCourse } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const daysBefore = (n: number) => new Date(now.getTime() - n * 86_400_000);
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const stateWith = (progress: ProgressDoc) =>
  initialState({ course: testCourse(), progress, notice: null, isFirstRun: false });
/** What the app does on `v`: asks, then hands the reducer the items the real picker chose. */
const loaded = (s: AppState, at = now) =>
  reducer(s, { type: 'reviewItems', items: reviewItems(s.course, [], s.progress, at), now: at });
const quiz = (s: AppState) => s.screen as QuizScreen;
/** Answers the current item with the choice `text` (choices are shuffled for the day). */
const answer = (s: AppState, text: string) => {
  const item = quiz(s).items!.find((i) => `${i.lessonId}/${i.id}` === quiz(s).queue[quiz(s).pos])!;
  const n = item.choices.indexOf(text) + 1;
  expect(n).toBeGreaterThan(0);
  return run(s, { type: 'pick', n }, { type: 'select', now });
};

/** Lesson beta's b1 missed two days ago, alpha's q1 one day ago; the learner was reading beta. */
function twoLessonsDue(): ProgressDoc {
  const doc = recordReview(emptyProgress(), 'beta/b1', 'again', daysBefore(2));
  return recordPage(recordReview(doc, 'alpha/q1', 'again', daysBefore(1)), 'beta', 0);
}

describe('review round in the course TUI (reducer)', () => {
  it('asks for the due items on v, showing a loading notice, and opens them on the quiz screen most overdue first', () => {
    const asked = run(stateWith(twoLessonsDue()), { type: 'review', now });
    expect(asked.isReviewLoading).toBe(true);
    expect(asked.notice).toBe(REVIEW_LOADING);
    expect(asked.screen.kind).toBe('home');
    const s = loaded(asked);
    expect(s.screen).toMatchObject({ kind: 'quiz', lessonId: null, queue: ['beta/b1', 'alpha/q1'], pos: 0 });
    expect(s.notice).toBeNull();
    expect(s.isReviewLoading).toBe(false);
  });

  it('records each answer under its own lesson, reschedules it, keeps the lesson being read, and records no lesson score', () => {
    const before = twoLessonsDue();
    let s = loaded(run(stateWith(before), { type: 'review', now }));
    s = answer(s, 'green'); // beta/b1, right
    s = answer(run(s, { type: 'select', now }), 'red'); // alpha/q1, wrong
    // A review answer feeds the review schedule only: the lessons are as they were.
    expect(s.progress.lessons).toEqual(before.lessons);
    // Rescheduled from now, as the scheduler does for each rating.
    expect(s.progress.review['beta/b1']).toEqual(
      recordReview(before, 'beta/b1', 'good', now).review['beta/b1'],
    );
    expect(s.progress.review['alpha/q1']).toEqual(
      recordReview(before, 'alpha/q1', 'again', now).review['alpha/q1'],
    );
    expect(Date.parse(s.progress.review['beta/b1']!.due)).toBeGreaterThan(now.getTime());
    expect(s.progress.lastLesson).toBe('beta');

    s = run(s, { type: 'select', now });
    expect(s.screen).toEqual({
      kind: 'score',
      lessonId: null,
      items: quiz(loaded(run(stateWith(before), { type: 'review', now }))).items,
      score: 1,
      total: 2,
      missed: ['alpha/q1'],
      isRetry: false,
    });
    expect(s.progress.lessons.alpha?.quiz).toBeUndefined();
    expect(s.progress.lessons.alpha).toEqual(before.lessons.alpha);
    expect(run(s, { type: 'select', now }).screen.kind).toBe('home');
    expect(run(s, { type: 'back' }).screen.kind).toBe('home');
  });

  it('retries the missed review items, recording and rescheduling them again', () => {
    let s = loaded(run(stateWith(twoLessonsDue()), { type: 'review', now }));
    s = answer(s, 'red');
    s = answer(run(s, { type: 'select', now }), 'green');
    s = run(s, { type: 'select', now }, { type: 'retry' });
    expect(s.screen).toMatchObject({ kind: 'quiz', lessonId: null, queue: ['beta/b1'], isRetry: true });
    const missedOnce = s.progress;
    s = answer(s, 'green');
    expect(s.progress.lessons).toEqual(missedOnce.lessons);
    expect(s.progress.review['beta/b1']).toEqual(
      recordReview(missedOnce, 'beta/b1', 'good', now).review['beta/b1'],
    );
    expect(s.progress.review['beta/b1']!.reps).toBe(missedOnce.review['beta/b1']!.reps + 1);
    s = run(s, { type: 'select', now });
    expect(s.screen).toMatchObject({ kind: 'score', lessonId: null, isRetry: true, total: 1, missed: [] });
    expect(run(s, { type: 'select', now }).screen.kind).toBe('home');
  });

  it('Esc during a review question goes home, not to a lesson page', () => {
    const s = loaded(run(stateWith(twoLessonsDue()), { type: 'review', now }));
    expect(run(s, { type: 'back' }).screen.kind).toBe('home');
  });

  it('with nothing due, v says in one line when the next item is due and loads nothing', () => {
    const progress = recordReview(emptyProgress(), 'alpha/q1', 'good', now);
    const due = progress.review['alpha/q1']!.due; // e.g. 2026-11-28T12:00:00.000Z
    const s = run(stateWith(progress), { type: 'review', now });
    expect(s.isReviewLoading).toBe(false);
    expect(s.screen.kind).toBe('home');
    expect(s.notice).toBe(
      `Nothing is due for review now; the next item is due ${due.slice(0, 10)} ${due.slice(11, 16)} UTC.`,
    );
  });

  it('with nothing ever answered, v says to answer some quiz questions first', () => {
    const s = run(stateWith(emptyProgress()), { type: 'review', now });
    expect(s.notice).toMatch(/^Nothing to review yet/);
    expect(s.isReviewLoading).toBe(false);
  });

  it('says in one line when the due items are no longer in the course, and stays home', () => {
    const progress = recordReview(emptyProgress(), 'gone/x', 'again', daysBefore(1));
    const s = loaded(run(stateWith(progress), { type: 'review', now }));
    expect(s.screen.kind).toBe('home');
    expect(s.isReviewLoading).toBe(false);
    expect(s.notice).toBe('The item due for review is no longer in this course.');
  });

  it('drops a pending review when the learner leaves home before it is ready, and ignores its late items', () => {
    const asked = run(stateWith(twoLessonsDue()), { type: 'review', now });
    const left = run(asked, { type: 'select', now });
    expect(left.screen.kind).toBe('lesson');
    expect(left.isReviewLoading).toBe(false);
    expect(left.notice).toBeNull();
    expect(loaded(left)).toBe(left);
  });

  it('a review that cannot be prepared says why in one line', () => {
    const asked = run(stateWith(twoLessonsDue()), { type: 'review', now });
    const s = reducer(asked, { type: 'reviewFailed', message: 'cannot read fixtures' });
    expect(s.notice).toBe('the review could not be prepared: cannot read fixtures');
    expect(s.isReviewLoading).toBe(false);
    expect(s.screen.kind).toBe('home');
  });
});
