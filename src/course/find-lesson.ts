import type { Course, Lesson, QuizItem } from './types.js';

/** Finds a lesson by id or by its 1-based number as text ("3"), as `cert-tutor learn LESSON` takes it. */
export function findLesson(course: Course, key: string): Lesson | undefined {
  const k = key.trim();
  if (/^\d+$/.test(k)) return course.lessons[Number(k) - 1];
  return course.lessons.find((l) => l.id === k);
}

/** Finds a quiz item by lesson id and item id (the key progress and reports use). */
export function findItem(course: Course, lessonId: string, itemId: string): QuizItem | undefined {
  return course.lessons.find((l) => l.id === lessonId)?.quiz.find((q) => q.id === itemId);
}
