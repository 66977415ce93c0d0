/**
 * The course engine's public API (no React/Ink here).
 *
 * - loadCourse(dir, { now? }): the pack, loaded and resolved; throws CourseError (one line) when unusable.
 * - checkPack(dir): every problem of a pack, one per line of output, each naming file:line.
 * - gradeAnswer(item, given): the verdict on one answer.
 */
import type { Course, Grade, Problem, QuizItem } from './types.js';

export * from './types.js';

/** A pack that cannot be used: `message` is one line naming the file and what to do. */
export class CourseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CourseError';
  }
}

/** Loads a lesson pack (work in progress: the full loader lands next). */
export async function loadCourse(dir: string, _opts: { now?: Date } = {}): Promise<Course> {
  throw new CourseError(`cannot load the course in ${dir} yet`);
}

/** Checks a lesson pack and returns its problems (work in progress). */
export async function checkPack(_dir: string): Promise<Problem[]> {
  return [];
}

/** Grades an answer: right when the set of given choices equals the set of right ones. */
export function gradeAnswer(item: QuizItem, given: string[]): Grade {
  const expected = item.answer;
  const g = new Set(given);
  const correct = g.size === expected.length && expected.every((a) => g.has(a));
  const firstWrong = given.find((x) => !expected.includes(x));
  const whyWrong = firstWrong !== undefined ? item.wrong[firstWrong] : undefined;
  return { correct, given, expected, explanation: item.explanation, ...(whyWrong ? { whyWrong } : {}) };
}
