import { describe, expect, it } from 'vitest';
import { recordAnswer, recordPage, recordQuiz } from '../../src/progress/record.js';
import { emptyProgress } from '../../src/progress/types.js';
import { initialState, openLesson, reducer } from '../../src/ui/state/reducer.js';
import type { Action, AppState, QuizScreen } from '../../src/ui/state/types.js';
import { freshState, SERVER_PEM, testCourse } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const inLesson = (page = 0) =>
  run(
    freshState(),
    { type: 'pick', n: 1 },
    { type: 'select', now },
    ...Array.from({ length: page }, () => ({ type: 'next', now }) as Action),
  );
const inQuiz = () => run(inLesson(2), { type: 'next', now });
const quiz = (s: AppState) => s.screen as QuizScreen;

describe('initial state', () => {
  it('preselects the first lesson for a new learner', () => {
    expect(freshState().screen).toEqual({ kind: 'home', cursor: 0 });
  });
  it('preselects the lesson a returning learner left unfinished', () => {
    const progress = recordPage(recordQuiz(emptyProgress(), 'alpha', 2, 2, now), 'beta', 0);
    const s = initialState({ course: testCourse(), progress, notice: null, isFirstRun: false });
    expect(s.screen).toEqual({ kind: 'home', cursor: 1 });
  });
});

describe('reducer, one test per action', () => {
  it('up moves the home cursor up and stops at the first lesson', () => {
    const s = run(freshState(), { type: 'down' }, { type: 'up' }, { type: 'up' });
    expect(s.screen).toEqual({ kind: 'home', cursor: 0 });
  });

  it('down moves the home cursor and stops at the last lesson', () => {
    const s = run(freshState(), { type: 'down' }, { type: 'down' }, { type: 'down' });
    expect(s.screen).toEqual({ kind: 'home', cursor: 1 });
  });

  it('down scrolls a lesson page only as far as the screen says it can', () => {
    const s = run(inLesson(), { type: 'down', maxScroll: 1 }, { type: 'down', maxScroll: 1 });
    expect(s.screen).toMatchObject({ kind: 'lesson', scroll: 1 });
  });

  it('first and last jump to the first and last page of a lesson and save the page', () => {
    const last = run(inLesson(), { type: 'last' });
    expect(last.screen).toMatchObject({ page: 2 });
    expect(last.progress.lessons.alpha).toMatchObject({ page: 2, pagesSeen: 3 });
    expect(run(last, { type: 'first' }).screen).toMatchObject({ page: 0 });
  });

  it('next turns the page and saves it by lesson id', () => {
    const s = run(inLesson(), { type: 'next', now });
    expect(s.screen).toEqual({ kind: 'lesson', lessonId: 'alpha', page: 1, scroll: 0 });
    expect(s.progress.lessons.alpha).toMatchObject({ page: 1, pagesSeen: 2 });
    expect(s.progress.lastLesson).toBe('alpha');
  });

  it('next on the last page starts the quiz', () => {
    expect(quiz(inQuiz())).toMatchObject({ kind: 'quiz', queue: ['q1', 'q2'], pos: 0, score: 0, total: 2 });
  });

  it('prev turns back a page and stays on the first page', () => {
    expect(run(inLesson(1), { type: 'prev' }).screen).toMatchObject({ page: 0 });
    expect(run(inLesson(), { type: 'prev' }).screen).toMatchObject({ page: 0 });
  });

  it('pick moves the quiz cursor to that choice and ignores numbers beyond the choices', () => {
    expect(quiz(run(inQuiz(), { type: 'pick', n: 3 })).cursor).toBe(2);
    expect(quiz(run(inQuiz(), { type: 'pick', n: 9 })).cursor).toBe(0);
  });

  it('toggle ticks and unticks choices of a multi-choice item only', () => {
    const single = run(inQuiz(), { type: 'toggle' });
    expect(quiz(single).picked).toEqual([]);
    const atMulti = run(inQuiz(), { type: 'select', now }, { type: 'select', now });
    const ticked = run(atMulti, { type: 'toggle' }, { type: 'down' }, { type: 'toggle' });
    expect(quiz(ticked).picked).toEqual([0, 1]);
    expect(quiz(run(ticked, { type: 'toggle' })).picked).toEqual([0]);
  });

  it('select answers: a right answer scores and is saved by item id', () => {
    const s = run(inQuiz(), { type: 'pick', n: 2 }, { type: 'select', now });
    expect(quiz(s).answered).toMatchObject({ correct: true });
    expect(quiz(s).score).toBe(1);
    expect(s.progress.lessons.alpha?.answers.q1).toEqual({
      correct: true,
      at: now.toISOString(),
      attempts: 1,
    });
  });

  it('select answers: the item is scheduled for review, sooner when it was wrong', () => {
    const right = run(inQuiz(), { type: 'pick', n: 2 }, { type: 'select', now });
    const wrong = run(inQuiz(), { type: 'select', now });
    const dueRight = Date.parse(right.progress.review['alpha/q1']!.due);
    const dueWrong = Date.parse(wrong.progress.review['alpha/q1']!.due);
    expect(right.progress.review['alpha/q1']).toMatchObject({ reps: 1 });
    expect(dueWrong).toBeLessThan(dueRight);
  });

  it('select answers: a wrong answer is missed and says why that choice is wrong', () => {
    const s = run(inQuiz(), { type: 'select', now });
    expect(quiz(s).answered).toMatchObject({ correct: false, whyWrong: 'Red is the colour of danger.' });
    expect(quiz(s).missed).toEqual(['q1']);
  });

  it('select after the last answer shows the score and saves the lesson as done', () => {
    const s = run(
      inQuiz(),
      { type: 'pick', n: 2 },
      { type: 'select', now },
      { type: 'select', now },
      { type: 'pick', n: 3 },
      { type: 'select', now },
      { type: 'select', now },
    );
    expect(s.screen).toEqual({
      kind: 'score',
      lessonId: 'alpha',
      seed: quiz(inQuiz()).seed,
      score: 1,
      total: 2,
      missed: ['q2'],
      isRetry: false,
    });
    expect(s.progress.lessons.alpha).toMatchObject({ done: true, quiz: { score: 1, total: 2 } });
  });

  it('select on the score screen goes home with the next lesson under the cursor', () => {
    const score: AppState = {
      ...freshState(),
      screen: { kind: 'score', lessonId: 'alpha', score: 2, total: 2, missed: [], isRetry: false },
    };
    expect(run(score, { type: 'select', now }).screen).toEqual({ kind: 'home', cursor: 1 });
  });

  it('hint shows the hint and changes nothing once answered', () => {
    expect(quiz(run(inQuiz(), { type: 'hint' })).isHintShown).toBe(true);
    expect(quiz(run(inQuiz(), { type: 'select', now }, { type: 'hint' })).isHintShown).toBe(false);
  });

  it('retry starts a round over the missed items only', () => {
    const score: AppState = {
      ...freshState(),
      screen: { kind: 'score', lessonId: 'alpha', score: 1, total: 2, missed: ['q2'], isRetry: false },
    };
    expect(quiz(run(score, { type: 'retry' }))).toMatchObject({
      queue: ['q2'],
      isRetry: true,
      score: 0,
      total: 1,
    });
  });

  it('inspect opens the page certificate and back returns to the same page', () => {
    const s = run(inLesson(1), { type: 'inspect' });
    expect(s.screen).toMatchObject({
      kind: 'inspect',
      target: { path: SERVER_PEM, index: 0, highlight: ['extendedKeyUsage'] },
    });
    expect(run(s, { type: 'back' }).screen).toEqual({
      kind: 'lesson',
      lessonId: 'alpha',
      page: 1,
      scroll: 0,
    });
  });

  it('inspect from a quiz marks the deciding fields only once the item is answered', () => {
    const course = testCourse();
    const q1 = course.lessons[0]!.quiz[0]!;
    Object.assign(q1, {
      kind: 'classify',
      fixture: { ref: 'builtin:leaf/server.pem', path: SERVER_PEM, index: 0 },
    });
    const base = { ...freshState(), course };
    const atQuiz = run(base, { type: 'select', now }, { type: 'last' }, { type: 'next', now });
    expect(run(atQuiz, { type: 'inspect' }).screen).toMatchObject({
      kind: 'inspect',
      target: { highlight: [] },
    });
    const answered = run(atQuiz, { type: 'select', now }, { type: 'inspect' });
    expect(answered.screen).toMatchObject({
      target: { highlight: expect.arrayContaining(['extendedKeyUsage']) },
    });
  });

  it('inspect does nothing on a page without a certificate', () => {
    const s = inLesson();
    expect(reducer(s, { type: 'inspect' })).toBe(s);
  });

  it('back leaves a lesson for home with that lesson under the cursor', () => {
    const s = run(freshState(), { type: 'pick', n: 2 }, { type: 'select', now }, { type: 'back' });
    expect(s.screen).toEqual({ kind: 'home', cursor: 1 });
  });

  it('help opens the overlay, which swallows other keys, and help or back closes it', () => {
    const open = run(freshState(), { type: 'help' });
    expect(open.overlay).toBe('help');
    expect(reducer(open, { type: 'down' })).toBe(open);
    expect(run(open, { type: 'back' }).overlay).toBeNull();
    expect(run(open, { type: 'help' }).overlay).toBeNull();
  });

  it('quit marks the app as quitting from any screen, the overlay included', () => {
    expect(run(freshState(), { type: 'help' }, { type: 'quit' }).isQuitting).toBe(true);
  });

  it('course replaces the outline and opens the quiz the learner asked for while it was prepared', () => {
    const outline = { ...testCourse(), lessons: testCourse().lessons.map((l) => ({ ...l, quiz: [] })) };
    const base = initialState({
      course: outline,
      progress: emptyProgress(),
      notice: null,
      isFirstRun: true,
      isCourseReady: false,
    });
    const waiting = run(base, { type: 'select', now }, { type: 'last' }, { type: 'next', now });
    expect(waiting.screen).toMatchObject({ kind: 'lesson', page: 2 });
    expect(waiting.notice).toMatch(/being prepared/);
    const ready = run(waiting, { type: 'course', course: testCourse(), now });
    expect(ready.isCourseReady).toBe(true);
    expect(ready.notice).toBeNull();
    expect(quiz(ready)).toMatchObject({ queue: ['q1', 'q2'] });
  });

  it('course sends a screen on a lesson the full course dropped back home', () => {
    const onBeta = run(freshState(), { type: 'pick', n: 2 }, { type: 'select', now });
    const course = { ...testCourse(), lessons: testCourse().lessons.slice(0, 1) };
    expect(run(onBeta, { type: 'course', course, now }).screen).toEqual({ kind: 'home', cursor: 0 });
  });

  it('notice sets and clears the status line', () => {
    const s = run(freshState(), { type: 'notice', text: 'saved elsewhere' });
    expect(s.notice).toBe('saved elsewhere');
    expect(run(s, { type: 'notice', text: null }).notice).toBeNull();
  });
});

describe('resuming', () => {
  it('opens an unfinished lesson at its saved page', () => {
    const s = openLesson({ ...freshState(), progress: recordPage(emptyProgress(), 'alpha', 2) }, 'alpha');
    expect(s.screen).toMatchObject({ page: 2 });
  });

  it('resumes a quiz with the unanswered items, counting the answers already given', () => {
    const progress = recordAnswer(recordPage(emptyProgress(), 'alpha', 2), 'alpha', 'q1', true, now);
    const s = run({ ...freshState(), progress }, { type: 'select', now }, { type: 'next', now });
    expect(quiz(s)).toMatchObject({ queue: ['q2'], score: 1, total: 2 });
  });

  it('opens a finished lesson from its first page', () => {
    const s = openLesson(
      { ...freshState(), progress: recordQuiz(recordPage(emptyProgress(), 'alpha', 2), 'alpha', 2, 2, now) },
      'alpha',
    );
    expect(s.screen).toMatchObject({ page: 0 });
  });
});
