import type {
  AnswerRecord,
  ExerciseRecord,
  LessonProgress,
  ProgressDoc,
  QuizResult,
  ReviewCardData,
} from './types.js';

/**
 * Merges the document a window wants to save (`mine`) into the one on disk (`disk`), item by item,
 * so that two windows saving in turn keep both windows' answers:
 * - an answer, a quiz score: the newest `at` wins (a tie goes to `mine`); an answer's `attempts`
 *   adds the answers this window gave since `base` to the disk's count (no base: the larger count);
 * - a review card: the newest `last_review` wins (then the one with more repetitions, then `mine`);
 * - an exercise's check: the newest `at` wins, keeping the first pass (`passedAt`) either side saw;
 * - a lesson's `done` flag: either window finishing it counts; `pagesSeen`: the furthest page;
 * - a quiz attempt: the one begun last, dropped when a quiz result is as new (finishing ends it);
 * - a lesson's current `page` and `lastLesson` carry no time: `mine` wins where this window changed
 *   them since `base` (the document it last saved or loaded), otherwise the disk's value stays.
 * Nothing is ever deleted by a merge: forgetting progress is `progress --reset`, which replaces the file.
 */
export function mergeProgress(disk: ProgressDoc, mine: ProgressDoc, base?: ProgressDoc): ProgressDoc {
  const lessons: Record<string, LessonProgress> = { ...disk.lessons };
  for (const [id, m] of Object.entries(mine.lessons)) {
    const d = disk.lessons[id];
    // With a base, a lesson this window did not have yet starts from nothing.
    const b = base ? (base.lessons[id] ?? { page: 0, pagesSeen: 0, done: false, answers: {} }) : undefined;
    lessons[id] = d ? mergeLesson(d, m, b) : m;
  }
  const review: Record<string, ReviewCardData> = { ...disk.review };
  for (const [key, m] of Object.entries(mine.review)) {
    const d = disk.review[key];
    review[key] = d ? newerCard(d, m) : m;
  }
  const out: ProgressDoc = { format: mine.format, lessons, review };
  const exercises = mergeExercises(disk.exercises, mine.exercises);
  if (exercises) out.exercises = exercises;
  const myLast = mine.lastLesson !== base?.lastLesson || disk.lastLesson === undefined;
  const lastLesson = myLast ? (mine.lastLesson ?? disk.lastLesson) : disk.lastLesson;
  if (lastLesson !== undefined) out.lastLesson = lastLesson;
  return out;
}

function mergeExercises(
  disk: Record<string, ExerciseRecord> | undefined,
  mine: Record<string, ExerciseRecord> | undefined,
): Record<string, ExerciseRecord> | undefined {
  if (!disk || !mine) return mine ?? disk;
  const out = { ...disk };
  for (const [id, m] of Object.entries(mine)) {
    const d = disk[id];
    if (!d) {
      out[id] = m;
      continue;
    }
    const passes = [d.passedAt, m.passedAt].filter((x): x is string => x !== undefined).sort();
    out[id] = { ...(time(d.at) > time(m.at) ? d : m), ...(passes[0] ? { passedAt: passes[0] } : {}) };
  }
  return out;
}

const time = (iso: string | undefined) => {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

function newer<T extends AnswerRecord | QuizResult>(d: T, m: T): T {
  return time(d.at) > time(m.at) ? d : m;
}

function newerCard(d: ReviewCardData, m: ReviewCardData): ReviewCardData {
  const dt = time(d.last_review);
  const mt = time(m.last_review);
  if (dt !== mt) return dt > mt ? d : m;
  return d.reps > m.reps ? d : m;
}

/**
 * How many times an item was answered, both windows counted: the disk's count plus the answers this
 * window added since its base; without a base, the larger count (never fewer than either side saw).
 */
function attempts(d: AnswerRecord, m: AnswerRecord, base: LessonProgress | undefined, item: string): number {
  if (base === undefined) return Math.max(d.attempts, m.attempts);
  return d.attempts + Math.max(0, m.attempts - (base.answers[item]?.attempts ?? 0));
}

function mergeLesson(d: LessonProgress, m: LessonProgress, base: LessonProgress | undefined): LessonProgress {
  const answers: Record<string, AnswerRecord> = { ...d.answers };
  for (const [item, a] of Object.entries(m.answers)) {
    const other = d.answers[item];
    answers[item] = other ? { ...newer(other, a), attempts: attempts(other, a, base, item) } : a;
  }
  const page = base === undefined || m.page !== base.page ? m.page : d.page;
  const out: LessonProgress = {
    page,
    pagesSeen: Math.max(d.pagesSeen, m.pagesSeen, page + 1),
    done: d.done || m.done,
    answers,
  };
  const quiz = d.quiz && m.quiz ? newer(d.quiz, m.quiz) : (m.quiz ?? d.quiz);
  if (quiz) out.quiz = quiz;
  // A quiz attempt: the one begun last, unless a quiz was finished since it began (that ended it).
  const attempt =
    d.attempt && m.attempt
      ? time(d.attempt.started) > time(m.attempt.started)
        ? d.attempt
        : m.attempt
      : (m.attempt ?? d.attempt);
  if (attempt && !(quiz && time(quiz.at) >= time(attempt.started))) out.attempt = attempt;
  return out;
}
