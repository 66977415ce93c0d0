import { gradeAnswer } from '../../course/grade.js';
import { ANSWER_HIGHLIGHT, NEUTRAL_FILE_LABEL } from '../../course/present-question.js';
import type { Course } from '../../course/types.js';
import { nextLessonIndex } from '../../progress/lesson-status.js';
import { recordPage, recordQuiz } from '../../progress/record.js';
import { currentItem, lessonById, queueKey, recordItemAnswer, retryRound, startQuiz } from './course-nav.js';
import { exerciseAction, exercisesLoaded, isExerciseResult, openExercises } from './exercise-nav.js';
import { labAction, openLab } from './lab-nav.js';
import { leavePracticeHome, practiceFailed, practiceLoaded, requestPractice } from './practice-nav.js';
import { leaveHome, requestReview, reviewFailed, reviewLoaded } from './review-nav.js';
import { pageScroll } from './scroll.js';
import type { Action, AppState, QuizScreen, Screen } from './types.js';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Shown while the quizzes are still being prepared (the full course loads after the first frame). */
export const QUIZ_LOADING = 'The quiz is being prepared; it opens in a moment.';

type Base = Omit<
  AppState,
  'screen' | 'overlay' | 'isQuitting' | 'isCourseReady' | 'isReviewLoading' | 'practiceRequest'
> &
  Partial<Pick<AppState, 'isCourseReady'>>;

/** The first screen: home, with the lesson to continue under the cursor. */
export function initialState(base: Base): AppState {
  return {
    ...base,
    isCourseReady: base.isCourseReady ?? true,
    screen: { kind: 'home', cursor: nextLessonIndex(base.course, base.progress) },
    overlay: null,
    isQuitting: false,
    isReviewLoading: false,
    practiceRequest: null,
  };
}

/**
 * The full course replaces the outline; a screen on a lesson the full course dropped goes home, and
 * a learner who asked for the quiz while it was being prepared gets it now.
 */
function withCourse(state: AppState, course: Course, now: Date): AppState {
  const notice = state.notice === QUIZ_LOADING ? null : state.notice;
  const next = { ...state, course, isCourseReady: true, notice };
  const s = state.screen;
  const id =
    s.kind === 'home'
      ? null
      : s.kind === 'inspect' || s.kind === 'lab' || s.kind === 'exercise'
        ? 'lessonId' in s.back
          ? s.back.lessonId
          : null
        : s.lessonId;
  if (id !== null && !course.lessons.some((l) => l.id === id))
    return { ...next, screen: { kind: 'home', cursor: 0 } };
  if (s.kind === 'home')
    return { ...next, screen: { kind: 'home', cursor: Math.min(s.cursor, course.lessons.length - 1) } };
  if (s.kind === 'lesson' && state.notice === QUIZ_LOADING) return enterQuiz(next, s.lessonId, now);
  return next;
}

/**
 * Opens a lesson where the learner left it (from the start when it is done) and saves that; a quiz
 * attempt left unfinished resumes at its next question.
 */
export function openLesson(state: AppState, lessonId: string, now?: Date): AppState {
  const lesson = lessonById(state.course, lessonId);
  const p = state.progress.lessons[lessonId];
  const page = p && !p.done ? clamp(p.page, 0, lesson.pages.length - 1) : 0;
  if (p?.attempt && (lesson.quiz.length > 0 || !state.isCourseReady)) {
    const last = lesson.pages.length - 1;
    const onPage = {
      ...state,
      isFirstRun: false,
      screen: { kind: 'lesson', lessonId, page: last, scroll: 0 } as const,
    };
    return enterQuiz(onPage, lessonId, now ?? new Date(p.attempt.started));
  }
  return {
    ...state,
    isFirstRun: false,
    screen: { kind: 'lesson', lessonId, page, scroll: 0 },
    progress: recordPage(state.progress, lessonId, page),
  };
}

function home(state: AppState, lessonId?: string): AppState {
  const i = state.course.lessons.findIndex((l) => l.id === lessonId);
  return {
    ...state,
    screen: { kind: 'home', cursor: i < 0 ? nextLessonIndex(state.course, state.progress) : i },
  };
}

function finishRound(state: AppState, s: QuizScreen, now: Date): AppState {
  // A review or practice round has no lesson score: each of its answers was recorded as it was given.
  // A lesson's retry adds its right answers to the lesson's result, so home shows the new one.
  const result = s.lessonId === null ? undefined : state.progress.lessons[s.lessonId]?.quiz;
  const progress =
    s.lessonId === null
      ? state.progress
      : !s.isRetry
        ? recordQuiz(state.progress, s.lessonId, s.score, s.total, now)
        : result
          ? recordQuiz(
              state.progress,
              s.lessonId,
              Math.min(result.total, result.score + s.score),
              result.total,
              now,
            )
          : state.progress;
  const screen: Screen = {
    kind: 'score',
    lessonId: s.lessonId,
    ...(s.items ? { items: s.items } : {}),
    ...(s.practiceSeed ? { practiceSeed: s.practiceSeed } : {}),
    ...(s.seed ? { seed: s.seed } : {}),
    ...(s.retries ? { retries: s.retries } : {}),
    score: s.score,
    total: s.total,
    missed: s.missed,
    isRetry: s.isRetry,
  };
  return { ...state, progress, screen };
}

function enterQuiz(state: AppState, lessonId: string, now: Date): AppState {
  if (!state.isCourseReady) return { ...state, notice: QUIZ_LOADING };
  const lesson = lessonById(state.course, lessonId);
  const { screen: q, progress } = startQuiz(state.progress, lesson, now);
  const next = { ...state, progress, screen: q };
  return q.queue.length === 0 ? finishRound(next, q, now) : next;
}

function homeAction(state: AppState, s: Extract<Screen, { kind: 'home' }>, a: Action): AppState {
  const max = state.course.lessons.length - 1;
  const to = (cursor: number) => ({ ...state, screen: { ...s, cursor: clamp(cursor, 0, max) } });
  switch (a.type) {
    case 'up':
      return to(s.cursor - 1);
    case 'down':
      return to(s.cursor + 1);
    case 'first':
      return to(0);
    case 'last':
      return to(max);
    case 'pick':
      return a.n - 1 <= max ? to(a.n - 1) : state;
    case 'select':
      return openLesson(state, state.course.lessons[s.cursor]!.id, a.now);
    case 'review':
      return requestReview(state, a.now);
    case 'practice':
      return requestPractice(state, a.now);
    default:
      return state;
  }
}

function lessonAction(state: AppState, s: Extract<Screen, { kind: 'lesson' }>, a: Action): AppState {
  const lesson = lessonById(state.course, s.lessonId);
  const last = lesson.pages.length - 1;
  const turn = (page: number) =>
    page === s.page
      ? state
      : {
          ...state,
          screen: { ...s, page, scroll: 0 },
          progress: recordPage(state.progress, s.lessonId, page),
        };
  switch (a.type) {
    case 'up':
      return s.scroll > 0 ? { ...state, screen: { ...s, scroll: s.scroll - 1 } } : state;
    case 'down':
      return s.scroll < (a.maxScroll ?? 0) ? { ...state, screen: { ...s, scroll: s.scroll + 1 } } : state;
    case 'pageDown':
    case 'next':
    case 'select':
      // Unread lines below: show them first (a screenful); at the bottom, turn the page.
      if (s.scroll < (a.maxScroll ?? 0))
        return { ...state, screen: { ...s, scroll: pageScroll(s.scroll, 1, a.pageLines, a.maxScroll) } };
      return s.page < last ? turn(s.page + 1) : enterQuiz(state, s.lessonId, a.now);
    case 'pageUp':
      if (s.scroll > 0)
        return { ...state, screen: { ...s, scroll: pageScroll(s.scroll, -1, a.pageLines, s.scroll) } };
      return turn(Math.max(0, s.page - 1));
    case 'prev':
      return turn(Math.max(0, s.page - 1));
    // Home and End go to the top and the bottom of this page first, then to the first or last page.
    case 'first':
      return s.scroll > 0 ? { ...state, screen: { ...s, scroll: 0 } } : turn(0);
    case 'last':
      return s.scroll < (a.maxScroll ?? 0)
        ? { ...state, screen: { ...s, scroll: a.maxScroll ?? 0 } }
        : turn(last);
    case 'inspect': {
      const block = lesson.pages[s.page]?.blocks.find((b) => b.type === 'cert');
      if (block?.type !== 'cert') return state;
      const target = { path: block.path, index: block.index, highlight: block.highlight };
      return { ...state, screen: { kind: 'inspect', target, scroll: 0, back: s } };
    }
    case 'back':
      return home(state, s.lessonId);
    default:
      return state;
  }
}

/** Highlights for a quiz item's card once answered (the engine's ANSWER_HIGHLIGHT). */
export const QUIZ_HIGHLIGHT = ANSWER_HIGHLIGHT;

function quizAction(state: AppState, s: QuizScreen, a: Action): AppState {
  const item = currentItem(state, s);
  const n = item.choices.length;
  const isMulti = item.kind === 'multi-choice';
  const set = (patch: Partial<QuizScreen>) => ({ ...state, screen: { ...s, ...patch } });
  const toggled = (i: number) =>
    s.picked.includes(i) ? s.picked.filter((x) => x !== i) : [...s.picked, i].sort();
  if (s.answered && a.type !== 'select' && a.type !== 'back' && a.type !== 'inspect') return state;
  switch (a.type) {
    case 'up':
      return set({ cursor: clamp(s.cursor - 1, 0, n - 1) });
    case 'down':
      return set({ cursor: clamp(s.cursor + 1, 0, n - 1) });
    case 'first':
      return set({ cursor: 0 });
    case 'last':
      return set({ cursor: n - 1 });
    case 'pick':
      if (a.n > n) return state;
      return isMulti ? set({ cursor: a.n - 1, picked: toggled(a.n - 1) }) : set({ cursor: a.n - 1 });
    case 'toggle':
      return isMulti ? set({ picked: toggled(s.cursor) }) : state;
    case 'hint':
      return set({ isHintShown: true });
    case 'select': {
      if (s.answered) {
        const next: QuizScreen = {
          ...s,
          pos: s.pos + 1,
          cursor: 0,
          picked: [],
          isHintShown: false,
          answered: null,
        };
        return s.pos + 1 < s.queue.length ? { ...state, screen: next } : finishRound(state, s, a.now);
      }
      const picked = isMulti && s.picked.length > 0 ? s.picked : [s.cursor];
      const grade = gradeAnswer(
        item,
        picked.map((i) => item.choices[i]!),
      );
      const progress = recordItemAnswer(state.progress, item, grade.correct, s.isHintShown, !!s.items, a.now);
      return {
        ...state,
        progress,
        screen: {
          ...s,
          picked,
          answered: grade,
          score: s.score + (grade.correct ? 1 : 0),
          missed: grade.correct ? s.missed : [...s.missed, queueKey(s, item)],
        },
      };
    }
    case 'inspect': {
      if (!item.fixture) return state;
      const target = {
        path: item.fixture.path,
        index: item.fixture.index,
        // Marking the deciding fields, naming the file or giving the engine's verdicts before the
        // answer would give it away.
        highlight: s.answered ? (QUIZ_HIGHLIGHT[item.kind] ?? []) : [],
        ...(s.answered ? {} : { label: NEUTRAL_FILE_LABEL, isVerdictHidden: true }),
      };
      return { ...state, screen: { kind: 'inspect', target, scroll: 0, back: s } };
    }
    case 'back': {
      if (s.lessonId === null) return home(state);
      const page = lessonById(state.course, s.lessonId).pages.length - 1;
      return { ...state, screen: { kind: 'lesson', lessonId: s.lessonId, page, scroll: 0 } };
    }
    default:
      return state;
  }
}

function screenAction(state: AppState, a: Action): AppState {
  const s = state.screen;
  switch (s.kind) {
    case 'home':
      return homeAction(state, s, a);
    case 'lesson':
      return lessonAction(state, s, a);
    case 'quiz':
      return quizAction(state, s, a);
    case 'score': {
      const i = state.course.lessons.findIndex((l) => l.id === s.lessonId);
      if (a.type === 'retry' && s.missed.length > 0) return { ...state, screen: retryRound(s) };
      // A review or practice round goes back home, to the lesson to continue.
      if (s.lessonId === null) return a.type === 'select' || a.type === 'back' ? home(state) : state;
      if (a.type === 'select')
        return home(state, state.course.lessons[Math.min(i + 1, state.course.lessons.length - 1)]?.id);
      if (a.type === 'back') return home(state, s.lessonId);
      return state;
    }
    case 'lab':
      return labAction(state, s, a);
    case 'exercise':
      return exerciseAction(state, s, a);
    case 'inspect': {
      if (a.type === 'back') return { ...state, screen: s.back };
      const max = 'maxScroll' in a ? (a.maxScroll ?? 0) : 0;
      if (a.type === 'up') return { ...state, screen: { ...s, scroll: Math.max(0, s.scroll - 1) } };
      if (a.type === 'down') return { ...state, screen: { ...s, scroll: Math.min(max, s.scroll + 1) } };
      if (a.type === 'first') return { ...state, screen: { ...s, scroll: 0 } };
      if (a.type === 'last') return { ...state, screen: { ...s, scroll: max } };
      if (a.type === 'pageDown' || a.type === 'pageUp') {
        const dir = a.type === 'pageDown' ? 1 : -1;
        const scroll = pageScroll(s.scroll, dir, a.pageLines, a.type === 'pageDown' ? max : s.scroll);
        return scroll === s.scroll ? state : { ...state, screen: { ...s, scroll } };
      }
      return state;
    }
  }
}

/**
 * The one reducer. Returns the same state object for no-ops, so React skips the render.
 * Page turns and answers update `progress`; the app saves it whenever it changes.
 */
export function reducer(state: AppState, a: Action): AppState {
  return leavePracticeHome(state, leaveHome(state, route(state, a)));
}

function route(state: AppState, a: Action): AppState {
  if (a.type === 'quit') return { ...state, isQuitting: true };
  if (a.type === 'course') return withCourse(state, a.course, a.now);
  if (a.type === 'notice') return state.notice === a.text ? state : { ...state, notice: a.text };
  if (a.type === 'reviewItems') return reviewLoaded(state, a.items, a.now);
  if (a.type === 'reviewFailed') return reviewFailed(state, a.message);
  if (a.type === 'practiceItems') return practiceLoaded(state, a.items, a.seed);
  if (a.type === 'practiceFailed') return practiceFailed(state, a.message);
  // A lab's result lands even while the help is open.
  if (a.type === 'labDone' || a.type === 'labFailed')
    return state.screen.kind === 'lab' ? labAction(state, state.screen, a) : state;
  if (a.type === 'exercisesLoaded') return exercisesLoaded(state, a.views, a.open);
  // A check's result lands even while the help is open.
  if (isExerciseResult(a))
    return state.screen.kind === 'exercise' ? exerciseAction(state, state.screen, a) : state;
  if (state.overlay === 'help')
    return a.type === 'help' || a.type === 'back' ? { ...state, overlay: null } : state;
  if (a.type === 'help') return { ...state, overlay: 'help' };
  if (a.type === 'lab') return openLab(state);
  if (a.type === 'exercises') return openExercises(state);
  return screenAction(state, a);
}
