import { Text, useApp } from 'ink';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { Course } from '../course/types.js';
import type { ExerciseSession } from '../exercises/session.js';
import type { DualUseResult, LabId, LabResult } from '../labs/types.js';
import type { ProgressDoc } from '../progress/types.js';
import type { CertData } from './cert-data.js';
import { isMarkdownReady, loadMarkdown } from './components/markdown.js';
import { KeysContext, useKeyRouter, useKeys } from './input/use-keys.js';
import type { PracticeLoader, ReviewLoader } from './review-loader.js';
import { ExerciseScreenView } from './screens/exercise.js';
import { HelpOverlay } from './screens/help.js';
import { HomeScreen } from './screens/home.js';
import { InspectScreen } from './screens/inspect.js';
import { LabScreenView } from './screens/lab.js';
import { LessonScreen } from './screens/lesson.js';
import { QuizScreen } from './screens/quiz.js';
import { ScoreScreen } from './screens/score.js';
import type { ScreenProps } from './screens/screen-props.js';
import { lessonById, roundItem } from './state/course-nav.js';
import { NOT_WATCHED, WATCH_OFF } from './state/exercise-nav.js';
import { initialState, openLesson, reducer } from './state/reducer.js';
import type { Action, AppState } from './state/types.js';
import type { Theme } from './theme.js';
import { MIN_SIZE, useTerminalSize } from './use-terminal-size.js';

/** Everything the app needs, loaded by commands/learn.ts: data in, callbacks out. */
export interface AppProps {
  course: Course;
  progress: ProgressDoc;
  /** One line to show first (e.g. a progress file was moved aside). */
  notice?: string;
  theme: Theme;
  /** Saves the progress document; throws (one line) when it cannot. */
  /** Saves `doc`; `base` is the document saved before it; `onNotice` gets a one-line notice (another window writing). */
  onSave: (doc: ProgressDoc, base: ProgressDoc, onNotice: (text: string) => void) => void;
  /** Describes a fixture file (the certificate engine, loaded after the first frame). */
  loadCert: (path: string) => Promise<CertData>;
  now: () => Date;
  /** Runs a lab scenario: real handshakes on 127.0.0.1 (the labs load on first use). */
  runLab: (lab: LabId, scenario: string) => Promise<LabResult | DualUseResult>;
  /** Picks the items due for review (generator and engine loaded on first use, never for the first frame). */
  loadReview: ReviewLoader;
  /** Draws a practice round (authored and generated items, as `cert-tutor quiz`), loaded like `loadReview`. */
  loadPractice: PracticeLoader;
  /** Open this lesson (an id of the course) instead of the home screen. */
  startLesson?: string;
  /** When `course` is only the outline (no quizzes): loads the full course, after the first frame. */
  outline?: { loadFull: () => Promise<Course> };
  /** The hands-on exercises: loaded after the first frame; `open` opens one at once; `watch` false: r only. */
  exercises?: { load: () => Promise<ExerciseSession>; open?: string; watch: boolean };
}

/** The fixture files the current screen shows, so their reports are loaded before they are needed. */
export function neededPaths(state: AppState): string[] {
  const s = state.screen;
  const certsOn = (lessonId: string, pages: number[]) => {
    const all = lessonById(state.course, lessonId).pages;
    return pages.flatMap((p) => (all[p]?.blocks ?? []).flatMap((b) => (b.type === 'cert' ? [b.path] : [])));
  };
  if (s.kind === 'inspect') return [s.target.path];
  if (s.kind === 'lesson') return certsOn(s.lessonId, [s.page, s.page + 1]);
  // On home, once the course is loaded (after the first frame), the cards of the lesson under the
  // cursor are read ahead: the engine is then warm when Enter and → reach them.
  if (s.kind === 'home' && state.isCourseReady) {
    const lesson = state.course.lessons[s.cursor];
    if (!lesson) return [];
    const p = state.progress.lessons[lesson.id];
    const page = p && !p.done ? p.page : 0;
    return certsOn(lesson.id, [page, page + 1]);
  }
  if (s.kind === 'quiz')
    return [s.pos, s.pos + 1].flatMap((i) => roundItem(state.course, s, s.queue[i])?.fixture?.path ?? []);
  return [];
}

function init(p: AppProps): AppState {
  // History of this course's lessons: another pack's progress is no reason to say "Welcome back".
  const hasHistory = p.course.lessons.some((l) => p.progress.lessons[l.id] !== undefined);
  const base = initialState({
    course: p.course,
    progress: p.progress,
    notice: p.notice ?? null,
    isFirstRun: !hasHistory,
    ...(p.outline ? { isCourseReady: false } : {}),
  });
  return p.startLesson ? openLesson(base, p.startLesson) : base;
}

function TooSmall({ onQuit }: { onQuit: () => void }) {
  useKeys('help', (intent) => intent === 'quit' && onQuit());
  return <Text>{`terminal too small (need ${MIN_SIZE.columns}x${MIN_SIZE.rows})`}</Text>;
}

/** The course TUI: one reducer, one screen value, a short switch on its kind. */
export function App(props: AppProps) {
  const [state, dispatch] = useReducer(reducer, props, init);
  const size = useTerminalSize();
  const { exit } = useApp();
  const [certs, setCerts] = useState<Record<string, CertData>>({});
  const saved = useRef(props.progress);
  const requested = useRef(new Set<string>());
  const keys = useKeyRouter();
  // After every commit, the next key typed ahead goes to the screen now drawn.
  useEffect(() => keys.settle());

  const { onSave, loadCert } = props;
  useEffect(() => {
    if (state.progress === saved.current) return;
    const base = saved.current;
    saved.current = state.progress;
    try {
      onSave(state.progress, base, (text) => dispatch({ type: 'notice', text }));
    } catch (e) {
      dispatch({ type: 'notice', text: `progress not saved: ${(e as Error).message}` });
    }
  }, [state.progress, onSave]);

  useEffect(() => {
    if (state.isQuitting) exit();
  }, [state.isQuitting, exit]);

  const { outline, now } = props;
  useEffect(() => {
    outline?.loadFull().then(
      (course) => dispatch({ type: 'course', course, now: now() }),
      (e: unknown) =>
        dispatch({ type: 'notice', text: `the quizzes could not be loaded: ${(e as Error).message}` }),
    );
  }, [outline, now]);

  const { loadReview } = props;
  const reviewCourse = state.isReviewLoading && state.isCourseReady ? state.course : null;
  const progress = useRef(state.progress);
  progress.current = state.progress;
  useEffect(() => {
    if (!reviewCourse) return;
    const at = now();
    loadReview(reviewCourse, progress.current, at).then(
      (items) => dispatch({ type: 'reviewItems', items, now: at }),
      (e: unknown) => dispatch({ type: 'reviewFailed', message: (e as Error).message }),
    );
  }, [reviewCourse, loadReview, now]);

  const { loadPractice } = props;
  const practice = state.isCourseReady ? state.practiceRequest : null;
  const practiceCourse = practice ? state.course : null;
  useEffect(() => {
    if (!practice || !practiceCourse) return;
    const { seed } = practice;
    loadPractice(practiceCourse, practice).then(
      (items) => dispatch({ type: 'practiceItems', items, seed }),
      (e: unknown) => dispatch({ type: 'practiceFailed', message: (e as Error).message }),
    );
  }, [practice, practiceCourse, loadPractice]);

  const needed = neededPaths(state).filter((p) => !requested.current.has(p));
  const neededKey = needed.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: neededKey stands for needed
  useEffect(() => {
    for (const path of needed) {
      requested.current.add(path);
      loadCert(path).then(
        (data) => setCerts((c) => ({ ...c, [path]: data })),
        (e: unknown) =>
          setCerts((c) => ({ ...c, [path]: { error: `cannot read ${path}: ${(e as Error).message}` } })),
      );
    }
  }, [neededKey, loadCert]);

  const { runLab } = props;
  const run = state.screen.kind === 'lab' ? state.screen.run : null;
  const lab = state.screen.kind === 'lab' ? state.screen.lab : null;
  const toRun = run?.status === 'running' && lab ? { lab, scenario: run.scenario, seq: run.seq } : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a run is started once, by its sequence number
  useEffect(() => {
    if (!toRun) return;
    const { seq } = toRun;
    runLab(toRun.lab, toRun.scenario).then(
      (result) => dispatch({ type: 'labDone', seq, result }),
      (e: unknown) => dispatch({ type: 'labFailed', seq, message: (e as Error).message }),
    );
  }, [toRun?.seq, runLab]);

  useExercises(props, state, dispatch);

  // marked loads after the first frame (the home screen does not need it).
  const [markdownReady, setMarkdownReady] = useState(isMarkdownReady);
  useEffect(() => {
    if (!markdownReady) loadMarkdown().then(() => setMarkdownReady(true));
  }, [markdownReady]);

  const sp: ScreenProps = {
    state,
    dispatch,
    theme: props.theme,
    size,
    certs,
    now: props.now,
    isActive: state.overlay === null,
    isMarkdownReady: markdownReady,
  };
  return <KeysContext.Provider value={keys}>{activeScreen(sp)}</KeysContext.Provider>;
}

/** Loads the exercises, runs each check the exercise screen asks for, and watches its folder. */
function useExercises(props: AppProps, state: AppState, dispatch: (a: Action) => void) {
  const [session, setSession] = useState<ExerciseSession | null>(null);
  const { exercises, now } = props;
  useEffect(() => {
    exercises?.load().then(
      (x) => {
        setSession(x);
        dispatch({
          type: 'exercisesLoaded',
          views: x.views,
          ...(exercises.open ? { open: exercises.open } : {}),
        });
      },
      (e: unknown) =>
        dispatch({ type: 'notice', text: `the exercises could not be loaded: ${(e as Error).message}` }),
    );
  }, [exercises, dispatch]);
  const s = state.screen.kind === 'exercise' ? state.screen : null;
  const checking = s?.checking ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a check is started once, by its sequence number
  useEffect(() => {
    if (!session || !s || checking === null) return;
    const at = now();
    session.check(s.id, at).then(
      (result) => dispatch({ type: 'exerciseChecked', seq: checking, result, now: at }),
      (e: unknown) => dispatch({ type: 'exerciseFailed', seq: checking, message: (e as Error).message }),
    );
  }, [session, checking]);
  const watchId = session ? (s?.id ?? null) : null;
  useEffect(() => {
    if (!session || !watchId) return;
    if (!exercises?.watch) {
      dispatch({
        type: 'notice',
        text: WATCH_OFF,
      });
      return;
    }
    const stop = session.watch(watchId, () => dispatch({ type: 'recheck' }));
    if (!stop) dispatch({ type: 'notice', text: NOT_WATCHED });
    return stop ?? undefined;
  }, [session, watchId, exercises, dispatch]);
}

/** The short switch: the overlay if one is open, else the screen of `state.screen.kind`. */
function activeScreen(sp: ScreenProps) {
  const { size, state, dispatch } = sp;
  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) {
    return <TooSmall onQuit={() => dispatch({ type: 'quit' })} />;
  }
  if (state.overlay === 'help') return <HelpOverlay {...sp} />;
  switch (state.screen.kind) {
    case 'home':
      return <HomeScreen {...sp} />;
    case 'lesson':
      return <LessonScreen {...sp} />;
    case 'quiz':
      return <QuizScreen {...sp} />;
    case 'score':
      return <ScoreScreen {...sp} />;
    case 'inspect':
      return <InspectScreen {...sp} />;
    case 'lab':
      return <LabScreenView {...sp} />;
    case 'exercise':
      return <ExerciseScreenView {...sp} />;
  }
}
