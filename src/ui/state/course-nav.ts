import { lessonById } from '../../course/find-lesson.js';
import { attemptSeed, presentQuiz, retrySeed } from '../../course/present-question.js';
import type { Course, Lesson, QuizItem } from '../../course/types.js';
import { reviewKey } from '../../progress/review.js';

export { lessonById };

import { recordSessionAnswer } from '../../course/session.js';
import { attemptAnswers, recordAttempt } from '../../progress/record.js';
import type { ProgressDoc } from '../../progress/types.js';
import type { AppState, QuizScreen, ScoreScreen } from './types.js';

const quizOver = (
  lessonId: string | null,
  queue: string[],
  isRetry: boolean,
  score = 0,
  missed: string[] = [],
  items?: QuizItem[],
): QuizScreen => ({
  kind: 'quiz',
  lessonId,
  ...(items ? { items } : {}),
  queue,
  pos: 0,
  cursor: 0,
  picked: [],
  isHintShown: false,
  answered: null,
  score,
  total: queue.length + score + missed.length,
  missed,
  isRetry,
});

/**
 * Starts or resumes a lesson's quiz. An attempt in progress (saved in the progress document) resumes
 * with its order of choices: items answered in it count as they were answered and only the rest are
 * asked. Otherwise a new attempt begins, with a seed from `now` (so each learner and each attempt
 * gets its own order), and is saved.
 */
export function startQuiz(
  progress: ProgressDoc,
  lesson: Lesson,
  now: Date,
): { screen: QuizScreen; progress: ProgressDoc } {
  const p = progress.lessons[lesson.id];
  const seed = p?.attempt?.seed ?? attemptSeed(lesson.id, now);
  const saved = p?.attempt ? progress : recordAttempt(progress, lesson.id, seed, now);
  const answers = attemptAnswers(progress, lesson.id);
  const queue: string[] = [];
  const missed: string[] = [];
  let score = 0;
  for (const q of lesson.quiz) {
    const a = answers[q.id];
    if (!a) queue.push(q.id);
    else if (a.correct) score++;
    else missed.push(q.id);
  }
  return { screen: { ...quizOver(lesson.id, queue, false, score, missed), seed }, progress: saved };
}

/** A retry round over the items missed (of a lesson's quiz, or of the review round's `items`). */
export const retryQuiz = (lessonId: string | null, missed: string[], items?: QuizItem[]): QuizScreen =>
  quizOver(lessonId, missed, true, 0, [], items);

/** The retry round a score screen offers: its missed items, in the same kind of round, in a new order. */
export function retryRound(s: ScoreScreen): QuizScreen {
  const n = (s.retries ?? 0) + 1;
  const base = s.seed ?? s.practiceSeed ?? 'review';
  const seed = retrySeed(base, n);
  // A review or practice round holds its items already presented: present the missed ones afresh.
  const items =
    s.items &&
    presentQuiz(
      s.items.filter((i) => s.missed.includes(queueKey(s, i))),
      seed,
    );
  return {
    ...retryQuiz(s.lessonId, s.missed, items),
    ...(s.seed ? { seed: s.seed } : {}),
    retries: n,
    ...(s.practiceSeed ? { practiceSeed: s.practiceSeed } : {}),
  };
}

/** The key an item has in a round's queue: its id in a lesson's quiz, its review key in a review round. */
export const queueKey = (round: { items?: QuizItem[] }, item: QuizItem): string =>
  round.items ? reviewKey(item.lessonId, item.id) : item.id;

/** A review round over `items` (due items of any lesson, in the order given). */
export const startReview = (items: QuizItem[]): QuizScreen =>
  quizOver(
    null,
    items.map((i) => reviewKey(i.lessonId, i.id)),
    false,
    0,
    [],
    items,
  );

/** The item a queue key names in a round, presented as the round shows it (present-question.ts). */
export function roundItem(
  course: Course,
  round: {
    lessonId: string | null;
    items?: QuizItem[];
    seed?: string;
    retries?: number;
    isRetry?: boolean;
    queue?: string[];
  },
  key: string | undefined,
): QuizItem | undefined {
  if (round.items) return round.items.find((i) => queueKey(round, i) === key);
  if (round.lessonId === null) return undefined;
  const quiz = lessonById(course, round.lessonId).quiz;
  // The first round presents the whole quiz (so a resumed attempt shows the same order); a retry its queue.
  const base = round.isRetry && round.queue ? quiz.filter((q) => round.queue!.includes(q.id)) : quiz;
  const seed = round.seed ? (round.retries ? retrySeed(round.seed, round.retries) : round.seed) : undefined;
  const shown = seed === undefined ? base : presentQuiz(base, seed);
  return shown.find((q) => q.id === key);
}

/** The item being asked on a quiz screen (the reducer only ever queues keys of the round's items). */
export function currentItem(state: AppState, s: QuizScreen): QuizItem {
  const item = roundItem(state.course, s, s.queue[s.pos]);
  if (!item) throw new Error(`no quiz item ${s.queue[s.pos]} in this round`);
  return item;
}

/**
 * Records one answer (src/course/session.ts): a lesson quiz's answer under its lesson, every answer
 * in the review schedule; a review or practice answer never makes a lesson look started.
 */
export function recordItemAnswer(
  doc: ProgressDoc,
  item: QuizItem,
  correct: boolean,
  hinted: boolean,
  isReview: boolean,
  now: Date,
): ProgressDoc {
  return recordSessionAnswer(doc, item, { correct, hinted, isLessonQuiz: !isReview }, now);
}
