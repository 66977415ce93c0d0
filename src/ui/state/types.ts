import type { Course, Grade, QuizItem } from '../../course/types.js';
import type { ExerciseResult, ExerciseView } from '../../exercises/types.js';
import type { DualUseResult, LabId, LabResult } from '../../labs/types.js';
import type { ProgressDoc } from '../../progress/types.js';

/** A certificate to show in full: a file and the certificate's index in it. */
export interface InspectTarget {
  path: string;
  index: number;
  /** Fields to mark, as named in lessons/README.md. */
  highlight: string[];
  /** The name shown instead of the file's (a quiz not yet answered: "file A"). */
  label?: string;
  /** Leave out the engine's verdicts (kind, purposes, validity, KeySpec name): a quiz not yet answered. */
  isVerdictHidden?: boolean;
}

/**
 * A quiz in progress over `queue`: item ids of one lesson's quiz, or, in a review or practice round,
 * the review keys (`lessonId/itemId`) of `items`.
 */
export interface QuizScreen {
  kind: 'quiz';
  /** The lesson quizzed; null in a review or practice round, whose items come from any lesson. */
  lessonId: string | null;
  /** A review or practice round's items (of any lesson, choices shuffled). */
  items?: QuizItem[];
  /** A practice round: the seed its items were drawn with (absent in a review round). */
  practiceSeed?: string;
  /** A lesson round: the attempt's seed, which orders the choices (present-question.ts). */
  seed?: string;
  /** How many retry rounds came before this one (a retry reorders the choices). */
  retries?: number;
  queue: string[];
  pos: number;
  /** Index of the choice under the cursor. */
  cursor: number;
  /** Ticked choices (multi-choice items). */
  picked: number[];
  isHintShown: boolean;
  /** The verdict, once the current item is answered. */
  answered: Grade | null;
  score: number;
  total: number;
  missed: string[];
  /** A second round over the items missed in the first. */
  isRetry: boolean;
}

/** The end of a round: its score and what was missed (ids or review keys, as in the queue). */
export interface ScoreScreen {
  kind: 'score';
  lessonId: string | null;
  items?: QuizItem[];
  practiceSeed?: string;
  seed?: string;
  retries?: number;
  score: number;
  total: number;
  missed: string[];
  isRetry: boolean;
}

/** A lab run on the lab screen: running (real handshakes on 127.0.0.1), finished, or failed to run. */
export type LabRun = {
  scenario: string;
  seq: number;
  /** What the learner said would happen before running it, if they said. */
  predicted?: 'accepted' | 'refused';
} & (
  | { status: 'running' }
  | { status: 'done'; result: LabResult | DualUseResult }
  | { status: 'failed'; message: string }
);

/** A TLS lab: its scenario menu, or the run being shown. */
export interface LabScreen {
  kind: 'lab';
  lab: LabId;
  /** The scenario under the cursor. */
  cursor: number;
  /** The run shown; null while the menu shows. */
  run: LabRun | null;
  /** Counts runs, so a late result of an abandoned run is not shown. */
  seq: number;
  /** Predictions made this session and how many were right. */
  predictions: { right: number; total: number };
  /** Outcomes seen this session, by "lab/scenario", marked on the menu. */
  seen: Record<string, 'accepted' | 'refused'>;
  scroll: number;
  /** Where Esc goes from the menu. */
  back: Screen;
}

/** A hands-on exercise: its latest check, the check running (by sequence number), hints shown. */
export interface ExerciseScreen {
  kind: 'exercise';
  id: string;
  /** The latest result; kept on screen while the next check runs. */
  result: ExerciseResult | null;
  /** Why the latest check could not run. */
  failure: string | null;
  /** The sequence number of the check running, or null. */
  checking: number | null;
  /** Counts checks, so a late result of an older one is dropped. */
  seq: number;
  /** How many hints are shown. */
  hints: number;
  scroll: number;
  back: Screen;
}

/** Which screen is showing: one value, never a pile of booleans. */
export type Screen =
  | { kind: 'home'; cursor: number }
  | { kind: 'lesson'; lessonId: string; page: number; scroll: number }
  | QuizScreen
  | ScoreScreen
  | { kind: 'inspect'; target: InspectTarget; scroll: number; back: Screen }
  | LabScreen
  | ExerciseScreen;

/** The whole UI state. The course is fixed; progress changes with every page turn and answer. */
export interface AppState {
  course: Course;
  screen: Screen;
  /** The one overlay that may be open. */
  overlay: 'help' | null;
  progress: ProgressDoc;
  /** One line to show in the status bar (moved-aside progress file, a save error...). */
  notice: string | null;
  isFirstRun: boolean;
  isQuitting: boolean;
  /** False while only the course outline is loaded (quizzes arrive with the full course). */
  isCourseReady: boolean;
  /** The learner asked for a review round on home; its items are being picked (generator + engine). */
  isReviewLoading: boolean;
  /** The learner asked for a practice round on home; its items are being drawn with this seed. */
  practiceRequest: PracticeRequest | null;
  /** The hands-on exercises, once loaded (after the first frame); absent when there are none. */
  exercises?: ExerciseView[];
}

/** A practice round to draw: like `cert-tutor quiz --count N --seed S [--lesson ID]`. */
export interface PracticeRequest {
  seed: string;
  /** The lesson in focus; null for the whole course. */
  lessonId: string | null;
  count: number;
}

/** Everything that can happen. Key intents carry what the reducer cannot know (the clock, layout). */
export type Action =
  | { type: 'up' }
  | { type: 'down'; maxScroll?: number }
  | { type: 'first' }
  | { type: 'last'; maxScroll?: number }
  /** `maxScroll`/`pageLines` as for pageDown: → and Enter show unread lines below before turning. */
  | { type: 'next'; now: Date; maxScroll?: number; pageLines?: number }
  | { type: 'prev' }
  /** A screenful: `pageLines` is the body height, `maxScroll` the largest offset (from the layout). */
  | { type: 'pageDown'; maxScroll?: number; pageLines?: number; now: Date }
  | { type: 'pageUp'; pageLines?: number }
  | { type: 'pick'; n: number }
  | { type: 'toggle' }
  | { type: 'select'; now: Date; maxScroll?: number; pageLines?: number }
  | { type: 'hint' }
  | { type: 'retry' }
  | { type: 'inspect' }
  | { type: 'lab' }
  | { type: 'review'; now: Date }
  | { type: 'reviewItems'; items: QuizItem[]; now: Date }
  | { type: 'reviewFailed'; message: string }
  | { type: 'practice'; now: Date }
  | { type: 'practiceItems'; items: QuizItem[]; seed: string }
  | { type: 'practiceFailed'; message: string }
  | { type: 'predict'; outcome: 'accepted' | 'refused' }
  | { type: 'labDone'; seq: number; result: LabResult | DualUseResult }
  | { type: 'labFailed'; seq: number; message: string }
  | { type: 'exercises' }
  | { type: 'exercisesLoaded'; views: ExerciseView[]; open?: string }
  | { type: 'recheck' }
  | { type: 'exerciseChecked'; seq: number; result: ExerciseResult; now: Date }
  | { type: 'exerciseFailed'; seq: number; message: string }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'notice'; text: string | null }
  | { type: 'course'; course: Course; now: Date };
