import { dueItems, splitReviewKey } from '../progress/review.js';
import type { ProgressDoc } from '../progress/types.js';
import { findItem } from './find-lesson.js';
import { presentQuiz } from './present-question.js';
import type { Course, QuizItem } from './types.js';

/**
 * The items due at `now`, most overdue first, presented with the day's order of choices
 * (presentQuiz). Items the course no longer has are left out.
 */
export function reviewItems(course: Course, generated: QuizItem[], doc: ProgressDoc, now: Date): QuizItem[] {
  const items: QuizItem[] = [];
  for (const key of dueItems(doc, now)) {
    const { lessonId, itemId } = splitReviewKey(key);
    const item = findItem(course, lessonId, itemId, generated);
    if (item) items.push(item);
  }
  return presentQuiz(items, `review|${now.toISOString().slice(0, 10)}`);
}

/** The earliest review due time in `doc`, written "2026-11-28 10:00 UTC"; undefined when nothing was ever answered. */
export function nextReviewDue(doc: ProgressDoc): string | undefined {
  const next = Object.values(doc.review)
    .map((c) => c.due)
    .sort()[0];
  return next?.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}
