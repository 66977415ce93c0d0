import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/types.js';
import { lessonStatus, nextLessonIndex } from '../../src/progress/lesson-status.js';
import { recordPage } from '../../src/progress/record.js';
import { emptyProgress, type ProgressDoc } from '../../src/progress/types.js';
import { currentItem } from '../../src/ui/state/course-nav.js';
import { practiceSeed } from '../../src/ui/state/practice-nav.js';
import { initialState, reducer } from '../../src/ui/state/reducer.js';
import type { Action, AppState, QuizScreen } from '../../src/ui/state/types.js';
import { SERVER_PEM, testCourse } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const later = new Date('2026-11-27T09:00:00Z');
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const quiz = (s: AppState) => s.screen as QuizScreen;

/** The test course with its quiz items unpinned: their choices are shuffled as a real pack's are. */
function shuffledCourse(): Course {
  const c = testCourse();
  for (const l of c.lessons) l.quiz = l.quiz.map(({ order: _pinned, ...q }) => q);
  return c;
}

const restart = (course: Course, progress: ProgressDoc) =>
  initialState({ course, progress, notice: null, isFirstRun: false });

/** Home → lesson alpha → last page → its quiz. */
const intoQuiz = (course: Course, progress = emptyProgress(), at = now) =>
  run(
    restart(course, progress),
    { type: 'pick', n: 1 },
    { type: 'select', now: at },
    { type: 'last' },
    {
      type: 'next',
      now: at,
    },
  );

/** Answers the current item rightly or wrongly, by its text (wherever the choice is shown). */
function answer(s: AppState, right: boolean): AppState {
  const item = currentItem(s, quiz(s));
  const want = right ? item.answer : [item.choices.find((c) => !item.answer.includes(c))!];
  const picks: Action[] = want.map((c) => ({ type: 'pick', n: item.choices.indexOf(c) + 1 }));
  if (item.kind !== 'multi-choice') return run(s, picks.at(-1)!, { type: 'select', now });
  return run(s, ...picks, { type: 'select', now });
}

describe('a lesson quiz attempt', () => {
  it('quitting mid-quiz and coming back resumes at that question, with the same order of choices', () => {
    const course = shuffledCourse();
    let s = intoQuiz(course);
    const seed = quiz(s).seed;
    expect(seed).toBeDefined();
    expect(s.progress.lessons.alpha?.attempt?.seed).toBe(seed);
    s = run(answer(s, true), { type: 'select', now });
    const shownBefore = currentItem(s, quiz(s));
    expect(shownBefore.id).toBe('q2');

    // The app is closed here: only the saved progress survives.
    const back = run(restart(course, s.progress), { type: 'pick', n: 1 }, { type: 'select', now: later });
    expect(back.screen).toMatchObject({ kind: 'quiz', lessonId: 'alpha', queue: ['q2'], score: 1, total: 2 });
    expect(currentItem(back, quiz(back)).choices).toEqual(shownBefore.choices);
  });

  it('a new attempt after a finished quiz asks every question again, with a new seed', () => {
    const course = shuffledCourse();
    let s = intoQuiz(course);
    const firstSeed = quiz(s).seed;
    for (let i = 0; i < 2; i++) s = run(answer(s, true), { type: 'select', now });
    expect(s.screen).toMatchObject({ kind: 'score', score: 2 });
    expect(s.progress.lessons.alpha?.attempt).toBeUndefined();
    const again = intoQuiz(course, s.progress, later);
    expect(again.screen).toMatchObject({ kind: 'quiz', queue: ['q1', 'q2'], score: 0 });
    expect(quiz(again).seed).not.toBe(firstSeed);
  });

  it('a fully right retry stops offering the retry and home shows the new result', () => {
    const course = shuffledCourse();
    let s = intoQuiz(course);
    s = run(answer(s, true), { type: 'select', now });
    s = run(answer(s, false), { type: 'select', now });
    expect(s.screen).toMatchObject({ kind: 'score', score: 1, total: 2, missed: ['q2'] });
    expect(s.progress.lessons.alpha?.quiz).toMatchObject({ score: 1, total: 2 });
    s = run(s, { type: 'retry' });
    expect(s.screen).toMatchObject({ kind: 'quiz', isRetry: true, queue: ['q2'], retries: 1 });
    s = run(answer(s, true), { type: 'select', now });
    expect(s.screen).toMatchObject({ kind: 'score', isRetry: true, missed: [] });
    // No retry is offered any more: r does nothing.
    expect(run(s, { type: 'retry' })).toBe(s);
    expect(s.progress.lessons.alpha?.quiz).toMatchObject({ score: 2, total: 2 });
    expect(lessonStatus(course.lessons[0]!, s.progress)).toEqual({ kind: 'done', score: 2, total: 2 });
  });
});

describe('practice and review answers', () => {
  it('never make a lesson look started nor move "continue here"', () => {
    const course = shuffledCourse();
    const reading = recordPage(emptyProgress(), 'beta', 0);
    const s0 = restart(course, reading);
    const items = course.lessons.flatMap((l) => l.quiz);
    let s = reducer(run(s0, { type: 'practice', now }), {
      type: 'practiceItems',
      items,
      seed: practiceSeed(now),
    });
    for (let i = 0; i < items.length; i++) s = run(answer(s, i % 2 === 0), { type: 'select', now });
    expect(s.screen).toMatchObject({ kind: 'score', lessonId: null });
    expect(Object.keys(s.progress.review).sort()).toEqual(['alpha/q1', 'alpha/q2', 'beta/b1']);
    expect(lessonStatus(course.lessons[0]!, s.progress)).toEqual({ kind: 'not started' });
    expect(s.progress.lessons).toEqual(reading.lessons);
    expect(nextLessonIndex(course, s.progress)).toBe(1);
    expect(run(s, { type: 'select', now }).screen).toEqual({ kind: 'home', cursor: 1 });
  });
});

describe('i on a quiz question', () => {
  it('before the answer opens the file as "file A" with the verdicts hidden; after it, by name with the deciding fields', () => {
    const course = testCourse();
    const q1 = course.lessons[0]!.quiz[0]!;
    course.lessons[0]!.quiz[0] = {
      ...q1,
      kind: 'classify',
      fixture: { ref: 'builtin:leaf/server.pem', path: SERVER_PEM, index: 0 },
    };
    const s = intoQuiz(course);
    const before = run(s, { type: 'inspect' }).screen;
    expect(before).toMatchObject({
      kind: 'inspect',
      target: { path: SERVER_PEM, label: 'file A', isVerdictHidden: true, highlight: [] },
    });
    const answered = run(s, { type: 'select', now });
    const after = run(answered, { type: 'inspect' }).screen;
    expect(after).toMatchObject({ kind: 'inspect', target: { path: SERVER_PEM } });
    expect(after.kind === 'inspect' && after.target.label).toBeFalsy();
    expect(after.kind === 'inspect' && after.target.highlight).toEqual([
      'extendedKeyUsage',
      'keyUsage',
      'basicConstraints',
    ]);
  });
});
