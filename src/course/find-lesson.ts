import type { Course, Lesson, QuizItem } from './types.js';

/** Finds a lesson by id or by its 1-based number as text ("3"), as `cert-tutor learn LESSON` takes it. */
export function findLesson(course: Course, key: string): Lesson | undefined {
  const k = key.trim();
  if (/^\d+$/.test(k)) return course.lessons[Number(k) - 1];
  return course.lessons.find((l) => l.id === k);
}

/**
 * Finds a quiz item by lesson id and item id (the key progress and reports use), among the
 * lesson's authored items and then `generated` (the items made from the course's fixtures).
 */
export function findItem(
  course: Course,
  lessonId: string,
  itemId: string,
  generated: readonly QuizItem[] = [],
): QuizItem | undefined {
  return (
    course.lessons.find((l) => l.id === lessonId)?.quiz.find((q) => q.id === itemId) ??
    generated.find((i) => i.lessonId === lessonId && i.id === itemId)
  );
}

/** The lesson with this id (the reducer only ever holds ids that came from the course). */
export function lessonById(course: Course, id: string): Lesson {
  const l = course.lessons.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id} in the course`);
  return l;
}
