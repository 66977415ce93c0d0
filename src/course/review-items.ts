import { dueItems, splitReviewKey } from '../progress/review.js';
import type { ProgressDoc } from '../progress/types.js';
import { findItem, withShuffledChoices } from './generate-quiz.js';
import type { Course, QuizItem } from './types.js';

/**
 * The items due at `now`, most overdue first, with their choices shuffled for the day (a generated
 * item keeps its answer first until shuffled). Items the course no longer has are left out.
 */
export function reviewItems(course: Course, generated: QuizItem[], doc: ProgressDoc, now: Date): QuizItem[] {
  const items: QuizItem[] = [];
  for (const key of dueItems(doc, now)) {
    const { lessonId, itemId } = splitReviewKey(key);
    const item = findItem(course, generated, lessonId, itemId);
    if (item) items.push(withShuffledChoices(item, `review|${now.toISOString().slice(0, 10)}`));
  }
  return items;
}

/** The earliest review due time in `doc`, written "2026-11-28 10:00 UTC"; undefined when nothing was ever answered. */
export function nextReviewDue(doc: ProgressDoc): string | undefined {
  const next = Object.values(doc.review)
    .map((c) => c.due)
    .sort()[0];
  return next?.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}
