import { describe, expect, it } from 'vitest';
import type { ExerciseResult, ExerciseView } from '../../src/exercises/types.js';
import { EXERCISES_LOADING, NOT_WATCHED } from '../../src/ui/state/exercise-nav.js';
import { reducer } from '../../src/ui/state/reducer.js';
import type { Action, AppState, ExerciseScreen } from '../../src/ui/state/types.js';
import { freshState } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const ex = (s: AppState) => s.screen as ExerciseScreen;

const view = (id: string, lesson: string): ExerciseView => ({
  id,
  title: id,
  lesson,
  produce: ['a.crt'],
  hints: [
    { tool: 'openssl', text: 'one' },
    { tool: 'step', text: 'two' },
  ],
  solution: 'openssl ...',
  folder: `/ws/${id}`,
});
const VIEWS = [view('first', 'alpha'), view('second', 'beta'), view('third', 'alpha')];
const result = (id: string, passed: boolean): ExerciseResult => ({
  id,
  passed,
  checks: [{ name: 'a.crt: x', passed, message: 'a.crt: x' }],
});

const loaded = (s = freshState()) => run(s, { type: 'exercisesLoaded', views: VIEWS });

describe('exercise screen reducer', () => {
  it('x before the exercises have loaded says so; after, opens the first not passed and asks for a check', () => {
    expect(run(freshState(), { type: 'exercises' }).notice).toBe(EXERCISES_LOADING);
    const s = loaded({
      ...freshState(),
      progress: {
        ...freshState().progress,
        exercises: { first: { passed: true, at: now.toISOString(), checks: 1, passedAt: now.toISOString() } },
      },
    });
    const opened = run(s, { type: 'exercises' });
    expect(ex(opened)).toMatchObject({ kind: 'exercise', id: 'second', checking: 1, result: null });
    expect(run(opened, { type: 'back' }).screen.kind).toBe('home');
    const unwatched = run(opened, { type: 'notice', text: NOT_WATCHED }, { type: 'back' });
    expect(unwatched.notice).toBeNull();
  });

  it("x on a lesson page opens that lesson's exercise", () => {
    const s = run(loaded(), { type: 'select', now }, { type: 'exercises' });
    expect(ex(s).id).toBe('first');
    expect(run(s, { type: 'back' }).screen).toMatchObject({ kind: 'lesson', lessonId: 'alpha' });
  });

  it('x on a page that offers an exercise opens that one', () => {
    const base = loaded();
    const course = structuredClone(base.course);
    course.lessons[0]!.pages[0]!.blocks.push({ type: 'exercise', id: 'third' });
    const s = run({ ...base, course }, { type: 'select', now }, { type: 'exercises' });
    expect(ex(s).id).toBe('third');
  });

  it('a result lands only for the check asked last, and is recorded in progress', () => {
    const s = run(loaded(), { type: 'exercises' }, { type: 'recheck' });
    expect(ex(s)).toMatchObject({ checking: 2, seq: 2 });
    const stale = run(s, { type: 'exerciseChecked', seq: 1, result: result('first', true), now });
    expect(stale).toBe(s);
    const done = run(s, { type: 'exerciseChecked', seq: 2, result: result('first', false), now });
    expect(ex(done)).toMatchObject({ checking: null, result: { passed: false } });
    expect(done.progress.exercises?.first).toEqual({ passed: false, at: now.toISOString(), checks: 1 });
    const passed = run(
      done,
      { type: 'recheck' },
      { type: 'exerciseChecked', seq: 3, result: result('first', true), now },
    );
    expect(passed.progress.exercises?.first).toMatchObject({
      passed: true,
      checks: 2,
      passedAt: now.toISOString(),
    });
    const failed = run(passed, { type: 'recheck' }, { type: 'exerciseFailed', seq: 4, message: 'boom' });
    expect(ex(failed)).toMatchObject({ failure: 'boom', checking: null, result: { passed: true } });
  });

  it('h shows one more hint up to the last; n goes to the next exercise and checks it', () => {
    const s = run(loaded(), { type: 'exercises' }, { type: 'hint' }, { type: 'hint' }, { type: 'hint' });
    expect(ex(s).hints).toBe(2);
    const next = run(s, { type: 'next', now });
    expect(ex(next)).toMatchObject({ id: 'second', hints: 0, result: null });
    expect(ex(next).checking).toBe(ex(next).seq);
    expect(run(next, { type: 'next', now }, { type: 'next', now }).screen).toMatchObject({ id: 'third' });
  });

  it('opens the exercise the command named as soon as the exercises load', () => {
    const s = run(freshState(), { type: 'exercisesLoaded', views: VIEWS, open: 'third' });
    expect(ex(s)).toMatchObject({ kind: 'exercise', id: 'third', checking: 1 });
  });
});
