/**
 * One quiz session's rules, shared by the TUI, the line mode and the commands: which items a course
 * offers beyond its authored ones (generated from its fixtures), and how an answer is recorded.
 */
import { recordAnswer } from '../progress/record.js';
import { ratingFor, recordReview, reviewKey } from '../progress/review.js';
import type { ProgressDoc } from '../progress/types.js';
import type { Course, QuizItem } from './types.js';

/**
 * The items generated from a course's fixtures. The generator and the certificate engine are
 * imported on first use, so a front end that never asks pays nothing for them at start-up.
 */
export async function generateCourseItems(course: Course): Promise<QuizItem[]> {
  const [{ loadFixtureFiles }, { generateItems }] = await Promise.all([
    import('./generate-fixtures.js'),
    import('./generate-items.js'),
  ]);
  const files = await loadFixtureFiles(course);
  return generateItems(
    files,
    course.lessons.map((l) => l.id),
  );
}

/** How one answer was given. */
export interface SessionAnswer {
  correct: boolean;
  /** A right answer after a hint counts as hard for review. */
  hinted: boolean;
  /** Part of the item's own lesson quiz (not review, practice or a drawn `quiz`). */
  isLessonQuiz: boolean;
}

/**
 * Records one answer: a lesson quiz's answer under its lesson, and every answer in the review
 * schedule (FSRS rating from correct and hinted). Answering is not opening a lesson: the lesson
 * the learner was reading ("continue here") is kept, and a review or practice answer never makes
 * a lesson look started.
 */
export function recordSessionAnswer(
  doc: ProgressDoc,
  item: QuizItem,
  a: SessionAnswer,
  now: Date,
): ProgressDoc {
  const answered = a.isLessonQuiz ? recordAnswer(doc, item.lessonId, item.id, a.correct, now) : doc;
  const kept = { ...answered, lastLesson: doc.lastLesson };
  if (kept.lastLesson === undefined) delete kept.lastLesson;
  return recordReview(kept, reviewKey(item.lessonId, item.id), ratingFor(a.correct, a.hinted), now);
}
