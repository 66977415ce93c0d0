import { type Card, createEmptyCard, fsrs, type Grade, Rating } from 'ts-fsrs';
import type { ProgressDoc, ReviewCardData } from './types.js';

/** How an answer went: wrong → again, right → good, right after the hint → hard. */
export type ReviewRating = 'again' | 'hard' | 'good';

/** The rating an answer earns. */
export function ratingFor(correct: boolean, hinted: boolean): ReviewRating {
  if (!correct) return 'again';
  return hinted ? 'hard' : 'good';
}

/** The key a review card is stored under: `lessonId/itemId` (item ids are unique within a lesson). */
export const reviewKey = (lessonId: string, itemId: string) => `${lessonId}/${itemId}`;

/** Splits a review key back into its lesson id and item id. */
export function splitReviewKey(key: string): { lessonId: string; itemId: string } {
  const at = key.indexOf('/');
  return at < 0 ? { lessonId: '', itemId: key } : { lessonId: key.slice(0, at), itemId: key.slice(at + 1) };
}

// FSRS with its default weights. One 10-minute (re)learning step instead of ts-fsrs' [1m, 10m]: a
// missed item comes back within the session, a right one graduates at once (about 2 days) rather
// than returning ten minutes later. Fuzz off, so a schedule is the same on every run.
const scheduler = fsrs({ enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] });

const GRADES: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good };

function toCard(d: ReviewCardData): Card {
  return {
    ...d,
    due: new Date(d.due),
    state: d.state as Card['state'],
    last_review: d.last_review ? new Date(d.last_review) : undefined,
  };
}

function toData(c: Card): ReviewCardData {
  const { last_review, ...rest } = c;
  return {
    due: c.due.toISOString(),
    stability: rest.stability,
    difficulty: rest.difficulty,
    elapsed_days: rest.elapsed_days,
    scheduled_days: rest.scheduled_days,
    learning_steps: rest.learning_steps,
    reps: rest.reps,
    lapses: rest.lapses,
    state: rest.state,
    ...(last_review ? { last_review: last_review.toISOString() } : {}),
  };
}

/** Records one answer to the item under `itemKey` at `now`; returns a new document (the input is untouched). */
export function recordReview(
  doc: ProgressDoc,
  itemKey: string,
  rating: ReviewRating,
  now: Date,
): ProgressDoc {
  const stored = doc.review[itemKey];
  const card = stored ? toCard(stored) : createEmptyCard(now);
  const next = scheduler.next(card, now, GRADES[rating]).card;
  return { ...doc, review: { ...doc.review, [itemKey]: toData(next) } };
}

/** When the item under `itemKey` is next due, or undefined if it was never answered. */
export function dueDate(doc: ProgressDoc, itemKey: string): Date | undefined {
  const c = doc.review[itemKey];
  return c ? new Date(c.due) : undefined;
}

/** The keys of the items due at `now` (due time at or before it), the most overdue first. */
export function dueItems(doc: ProgressDoc, now: Date): string[] {
  const t = now.getTime();
  return Object.entries(doc.review)
    .map(([key, c]) => ({ key, due: Date.parse(c.due) }))
    .filter((e) => !Number.isNaN(e.due) && e.due <= t)
    .sort((a, b) => a.due - b.due || a.key.localeCompare(b.key))
    .map((e) => e.key);
}

/** How many items are due at `now` (the home screen shows "N items due for review"). */
export function dueCount(doc: ProgressDoc, now: Date): number {
  return dueItems(doc, now).length;
}
