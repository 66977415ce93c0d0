/**
 * The course engine's public API (no React/Ink here).
 *
 * - loadCourse(dir, { now? }): the pack, loaded and resolved; throws CourseError (one line) when unusable.
 * - checkPack(dir, { now? }): every problem of a pack, each naming file:line and what to do.
 * - gradeAnswer(item, given): the verdict on one answer.
 * - findLesson(course, idOrNumber), findItem(course, lessonId, itemId): look-ups.
 */
import { join } from 'node:path';
import { CourseError } from './errors.js';
import { readPack } from './read-pack.js';
import type { Course, Problem } from './types.js';

export { ANSWER_FROM_PROPERTIES } from './answer-from.js';
export { CourseError } from './errors.js';
export { findItem, findLesson } from './find-lesson.js';
export { gradeAnswer } from './grade.js';
export * from './types.js';

/** Options of loadCourse and checkPack. */
export interface LoadOptions {
  /** The clock that judges fixtures when course.yaml sets no `clock:` (default: the current time). */
  now?: Date;
}

/** Formats a problem as the checker prints it: `file:line: message`, the file under `base` when given. */
export const formatProblem = (p: Problem, base?: string) =>
  `${base ? join(base, p.file) : p.file}:${p.line}: ${p.message}`;

/**
 * Loads a lesson pack with every computed answer resolved. A quiz item with any problem (a wrong
 * answer key, a missing fixture...) is left out, and so is a lesson without a usable lesson.md;
 * `course.problems` lists what `checkPack` would report. Throws CourseError with one line when
 * the pack is unusable: no readable course.yaml, or no usable lesson.
 */
export async function loadCourse(dir: string, opts: LoadOptions = {}): Promise<Course> {
  const { course, problems, notAPack } = await readPack(dir, opts.now);
  if (notAPack) throw new CourseError(notAPack);
  if (!course || course.lessons.length === 0) {
    const first = problems[0];
    const where = first
      ? formatProblem(first, dir)
      : `${join(dir, 'course.yaml')}:1: the pack has no usable lesson`;
    const n = problems.length - 1;
    const more = n > 0 ? ` (and ${n} more problem${n === 1 ? '' : 's'})` : '';
    throw new CourseError(`${where}${more}; run: cert-tutor lessons --check ${dir}`);
  }
  return course;
}

/** Checks a lesson pack: every problem, in file order; an empty list means the pack is sound. */
export async function checkPack(dir: string, opts: LoadOptions = {}): Promise<Problem[]> {
  return (await readPack(dir, opts.now)).problems;
}
