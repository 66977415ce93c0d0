/**
 * The learner's saved state: a versioned JSON document keyed by lesson id and quiz item id (never by
 * position), so reordering a course never corrupts anyone's progress.
 */

/** The progress file format this build reads and writes. */
export const PROGRESS_FORMAT = 1;

/** The ts-fsrs `Card` as JSON (dates as ISO 8601 strings); the review scheduler owns its meaning. */
export interface ReviewCardData {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: number;
  last_review?: string;
}

/** The latest answer to one quiz item. */
export interface AnswerRecord {
  correct: boolean;
  /** ISO 8601 instant of the latest answer. */
  at: string;
  /** How many times the item has been answered. */
  attempts: number;
}

/** The score of the latest finished quiz of a lesson. */
export interface QuizResult {
  score: number;
  total: number;
  at: string;
}

/** A lesson quiz begun and not yet finished: the seed of its order of choices and when it began. */
export interface QuizAttempt {
  seed: string;
  /** ISO 8601 instant: answers given since then belong to this attempt (a restart resumes after them). */
  started: string;
}

/** One lesson's progress. */
export interface LessonProgress {
  /** The page the learner is on (0-based). */
  page: number;
  /** How many pages have been seen (the furthest page reached + 1). */
  pagesSeen: number;
  /** The quiz has been finished at least once. */
  done: boolean;
  quiz?: QuizResult;
  /** The quiz attempt in progress, if any (removed when the quiz is finished). */
  attempt?: QuizAttempt;
  /** Keyed by quiz item id. */
  answers: Record<string, AnswerRecord>;
}

/** The latest check of one hands-on exercise. */
export interface ExerciseRecord {
  passed: boolean;
  /** ISO 8601 instant of the latest check. */
  at: string;
  /** How many times it has been checked. */
  checks: number;
  /** When it first passed. */
  passedAt?: string;
}

/** The whole progress document, as stored. */
export interface ProgressDoc {
  format: typeof PROGRESS_FORMAT;
  /** Keyed by lesson id. */
  lessons: Record<string, LessonProgress>;
  /** The id of the lesson opened last. */
  lastLesson?: string;
  /** Review cards keyed by `lessonId/itemId` (written by the review scheduler). */
  review: Record<string, ReviewCardData>;
  /** Hands-on exercises keyed by exercise id (absent until the first check). */
  exercises?: Record<string, ExerciseRecord>;
}

/** A new learner's document. */
export function emptyProgress(): ProgressDoc {
  return { format: PROGRESS_FORMAT, lessons: {}, review: {} };
}
