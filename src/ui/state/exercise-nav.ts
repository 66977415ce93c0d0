/**
 * The exercise screen's part of the reducer: which exercise x opens, a check requested (by the
 * folder watcher or r; the app runs it and reports back with exerciseChecked / exerciseFailed),
 * hints one at a time, n to the next exercise. Each result is recorded in progress by exercise id.
 */
import { recordExercise } from '../../progress/record.js';
import type { Action, AppState, ExerciseScreen, Screen } from './types.js';

/** Shown when x is pressed before the exercises have loaded. */
export const EXERCISES_LOADING = 'The exercises are loading; press x again in a moment.';

/** Said in the status line when the exercise's folder is not watched (the app sets them). */
export const NOT_WATCHED = 'This folder is not watched: press r to re-check after a change.';
export const WATCH_OFF = 'Watching is off (CERT_TUTOR_NO_WATCH): press r to re-check after a change.';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

type ResultAction = Extract<Action, { type: 'exerciseChecked' | 'exerciseFailed' }>;
export const isExerciseResult = (a: Action): a is ResultAction =>
  a.type === 'exerciseChecked' || a.type === 'exerciseFailed';

/** The exercise screen on `id`, with its first check requested. */
export function exerciseScreen(id: string, back: Screen): ExerciseScreen {
  return {
    kind: 'exercise',
    id,
    result: null,
    failure: null,
    checking: 1,
    seq: 1,
    hints: 0,
    scroll: 0,
    back,
  };
}

/** The exercise to open: the lesson's (on a lesson page or under the home cursor), else the first not passed. */
function exerciseFor(state: AppState): string | undefined {
  const list = state.exercises ?? [];
  const s = state.screen;
  const lessonId = s.kind === 'lesson' ? s.lessonId : undefined;
  // The exercise the page offers (<!-- exercise: ID -->), else the lesson's.
  const block =
    s.kind === 'lesson'
      ? state.course.lessons
          .find((l) => l.id === s.lessonId)
          ?.pages[s.page]?.blocks.find((b) => b.type === 'exercise')
      : undefined;
  const offered = block?.type === 'exercise' ? list.find((e) => e.id === block.id) : undefined;
  const ofLesson = offered ?? (lessonId ? list.find((e) => e.lesson === lessonId) : undefined);
  return (ofLesson ?? list.find((e) => !state.progress.exercises?.[e.id]?.passedAt) ?? list[0])?.id;
}

/** x on home or a lesson page. */
export function openExercises(state: AppState): AppState {
  const s = state.screen;
  if (s.kind !== 'home' && s.kind !== 'lesson') return state;
  if (!state.exercises) return { ...state, notice: EXERCISES_LOADING };
  const id = exerciseFor(state);
  return id ? { ...state, notice: null, screen: exerciseScreen(id, s) } : state;
}

/** The exercises arrived; `open` (the command's ID) opens one at once. */
export function exercisesLoaded(state: AppState, views: AppState['exercises'], open?: string): AppState {
  const next = {
    ...state,
    exercises: views,
    notice: state.notice === EXERCISES_LOADING ? null : state.notice,
  };
  if (open && views?.some((v) => v.id === open))
    return { ...next, screen: exerciseScreen(open, state.screen) };
  return next;
}

/** Requests a check (the newest wins). */
const recheck = (s: ExerciseScreen): ExerciseScreen => ({ ...s, seq: s.seq + 1, checking: s.seq + 1 });

/** The exercise screen's reducer. */
export function exerciseAction(state: AppState, s: ExerciseScreen, a: Action): AppState {
  const to = (screen: ExerciseScreen) => ({ ...state, screen });
  const list = state.exercises ?? [];
  const view = list.find((e) => e.id === s.id);
  switch (a.type) {
    case 'exerciseChecked': {
      if (a.seq !== s.checking) return state;
      const progress = recordExercise(state.progress, s.id, a.result.passed, a.now);
      return { ...state, progress, screen: { ...s, result: a.result, failure: null, checking: null } };
    }
    case 'exerciseFailed':
      return a.seq === s.checking ? to({ ...s, failure: a.message, checking: null }) : state;
    case 'recheck':
      return to(recheck(s));
    case 'hint':
      return to({ ...s, hints: clamp(s.hints + 1, 0, view?.hints.length ?? 0) });
    case 'next': {
      const i = list.findIndex((e) => e.id === s.id);
      const next = list[i + 1];
      return next ? to({ ...exerciseScreen(next.id, s.back), seq: s.seq + 1, checking: s.seq + 1 }) : state;
    }
    case 'up':
      return to({ ...s, scroll: Math.max(0, s.scroll - 1) });
    case 'down':
      return to({ ...s, scroll: clamp(s.scroll + 1, 0, a.maxScroll ?? 0) });
    case 'first':
      return to({ ...s, scroll: 0 });
    case 'last':
      return to({ ...s, scroll: a.maxScroll ?? 0 });
    case 'back': {
      const notice = state.notice === NOT_WATCHED || state.notice === WATCH_OFF ? null : state.notice;
      return { ...state, notice, screen: s.back };
    }
    default:
      return state;
  }
}
