import { generateCourseItems } from '../course/session.js';
import type { Course, QuizItem } from '../course/types.js';
import type { ProgressDoc } from '../progress/types.js';
import type { PracticeRequest } from './state/types.js';

/** Picks the items due for review at `now`, most overdue first (what the app's `loadReview` does). */
export type ReviewLoader = (course: Course, doc: ProgressDoc, now: Date) => Promise<QuizItem[]>;

/** Draws a practice round as `cert-tutor quiz --count N --seed S [--lesson ID]` draws its quiz. */
export type PracticeLoader = (course: Course, request: PracticeRequest) => Promise<QuizItem[]>;

/** The items generated from a course's fixtures, made once per course (shared by review and practice). */
export type GeneratedItems = (course: Course) => Promise<QuizItem[]>;

/**
 * The generator over a course's fixtures, imported with the certificate engine on first use (never
 * for the first frame); its items are made once per course, and made again after a failure.
 */
export function generatedItems(): GeneratedItems {
  let made: { course: Course; items: Promise<QuizItem[]> } | null = null;
  return async (course) => {
    if (made?.course !== course) made = { course, items: generateCourseItems(course) };
    const pending = made;
    return pending.items.catch((e: unknown) => {
      if (made === pending) made = null;
      throw e;
    });
  };
}

/**
 * A review loader over the course's authored items and the items generated from its fixtures (as
 * `cert-tutor review` picks them).
 */
export function reviewLoader(generated: GeneratedItems = generatedItems()): ReviewLoader {
  return async (course, doc, now) => {
    const items = await generated(course);
    const { reviewItems } = await import('../course/review-items.js');
    return reviewItems(course, items, doc, now);
  };
}

/**
 * A practice loader: authored and generated items drawn by buildQuiz, the selection of `cert-tutor
 * quiz`. The focus lesson narrows the draw when it has questions from real certificates (generated
 * ones); a lesson with none (an introduction, an exam) gives way to the whole course.
 */
export function practiceLoader(generated: GeneratedItems = generatedItems()): PracticeLoader {
  return async (course, { seed, lessonId, count }) => {
    const [items, { buildQuiz }] = await Promise.all([
      generated(course),
      import('../course/generate-quiz.js'),
    ]);
    const isFocused = lessonId !== null && items.some((i) => i.lessonId === lessonId);
    return buildQuiz({ course, generated: items, count, seed, ...(isFocused ? { lessonId } : {}) });
  };
}
