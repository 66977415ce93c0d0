/**
 * Where each lesson stands for a learner, and which lesson to continue: rules over the progress
 * document that the home screen, the line mode and `cert-tutor progress` share.
 */
import type { Course, Lesson } from '../course/types.js';
import { attemptAnswers } from './record.js';
import type { ProgressDoc } from './types.js';

/** Where a lesson stands for this learner. */
export type LessonStatus =
  | { kind: 'not started' }
  | { kind: 'in progress'; page: number; pages: number; answered: number; questions?: number }
  | { kind: 'done'; score?: number; total?: number };

/**
 * The status of `lesson` in `doc`. While only the course outline is loaded (`isOutline`), the quiz
 * is not known yet: answers are counted by their saved ids and the number of questions is unknown.
 */
export function lessonStatus(lesson: Lesson, doc: ProgressDoc, isOutline = false): LessonStatus {
  const p = doc.lessons[lesson.id];
  if (!p) return { kind: 'not started' };
  if (p.done) return { kind: 'done', score: p.quiz?.score, total: p.quiz?.total };
  const inAttempt = attemptAnswers(doc, lesson.id);
  const answered = isOutline
    ? Object.keys(inAttempt).length
    : lesson.quiz.filter((q) => inAttempt[q.id]).length;
  const questions = isOutline ? undefined : lesson.quiz.length;
  const page = Math.min(p.page, Math.max(0, lesson.pages.length - 1));
  return { kind: 'in progress', page, pages: lesson.pages.length, answered, questions };
}

/**
 * The lesson to continue: the last one opened if unfinished, else the first unfinished one after
 * it (wrapping round), else the first lesson.
 */
export function nextLessonIndex(course: Course, doc: ProgressDoc): number {
  const n = course.lessons.length;
  const last = course.lessons.findIndex((l) => l.id === doc.lastLesson);
  const start = Math.max(0, last);
  for (let i = 0; i < n; i++) {
    const lesson = course.lessons[(start + i) % n]!;
    if (!doc.lessons[lesson.id]?.done) return (start + i) % n;
  }
  return 0;
}

/** Whole-course progress: lessons done of all lessons. */
export function courseDone(course: Course, doc: ProgressDoc): { done: number; total: number } {
  return { done: course.lessons.filter((l) => doc.lessons[l.id]?.done).length, total: course.lessons.length };
}
