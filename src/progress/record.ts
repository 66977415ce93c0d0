import type { LessonProgress, ProgressDoc } from './types.js';

/** Pure updates of a progress document: each returns a new document and never mutates its input. */

const blank = (): LessonProgress => ({ page: 0, pagesSeen: 0, done: false, answers: {} });

function withLesson(doc: ProgressDoc, id: string, fn: (l: LessonProgress) => LessonProgress): ProgressDoc {
  const cur = doc.lessons[id] ?? blank();
  return { ...doc, lessons: { ...doc.lessons, [id]: fn(cur) }, lastLesson: id };
}

/** The learner is on page `page` (0-based) of lesson `id`. */
export function recordPage(doc: ProgressDoc, id: string, page: number): ProgressDoc {
  return withLesson(doc, id, (l) => ({ ...l, page, pagesSeen: Math.max(l.pagesSeen, page + 1) }));
}

/** The learner answered quiz item `itemId` of lesson `id` at `now`. */
export function recordAnswer(
  doc: ProgressDoc,
  id: string,
  itemId: string,
  correct: boolean,
  now: Date,
): ProgressDoc {
  return withLesson(doc, id, (l) => {
    const prev = l.answers[itemId];
    const answers = {
      ...l.answers,
      [itemId]: { correct, at: now.toISOString(), attempts: (prev?.attempts ?? 0) + 1 },
    };
    return { ...l, answers };
  });
}

/** The learner begins an attempt at the quiz of lesson `id` at `now`, its choices ordered by `seed`. */
export function recordAttempt(doc: ProgressDoc, id: string, seed: string, now: Date): ProgressDoc {
  return withLesson(doc, id, (l) => ({ ...l, attempt: { seed, started: now.toISOString() } }));
}

/** The learner finished the quiz of lesson `id` with `score` of `total` at `now` (the attempt ends). */
export function recordQuiz(
  doc: ProgressDoc,
  id: string,
  score: number,
  total: number,
  now: Date,
): ProgressDoc {
  return withLesson(doc, id, ({ attempt: _ended, ...l }) => ({
    ...l,
    done: true,
    quiz: { score, total, at: now.toISOString() },
  }));
}

/** The answers of lesson `id` given in its current attempt (all of them when no attempt is recorded). */
export function attemptAnswers(doc: ProgressDoc, id: string): LessonProgress['answers'] {
  const l = doc.lessons[id];
  if (!l) return {};
  const since = l.attempt?.started;
  if (!since) return l.done ? {} : l.answers;
  return Object.fromEntries(Object.entries(l.answers).filter(([, a]) => a.at >= since));
}

/** Exercise `id` was checked at `now`: it passed or not (a pass is remembered once made). */
export function recordExercise(doc: ProgressDoc, id: string, passed: boolean, now: Date): ProgressDoc {
  const prev = doc.exercises?.[id];
  const passedAt = prev?.passedAt ?? (passed ? now.toISOString() : undefined);
  const rec = {
    passed,
    at: now.toISOString(),
    checks: (prev?.checks ?? 0) + 1,
    ...(passedAt ? { passedAt } : {}),
  };
  return { ...doc, exercises: { ...doc.exercises, [id]: rec } };
}

/** Forgets everything (the review cards too). */
export function resetProgress(doc: ProgressDoc): ProgressDoc {
  return { format: doc.format, lessons: {}, review: {} };
}
