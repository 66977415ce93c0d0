import type { Grade, QuizItem } from './types.js';

/**
 * Grades an answer: right when the given choice texts are exactly the right ones (as a set, so
 * the order of a multi-choice answer does not matter). `whyWrong` explains the first wrong choice
 * given, when the item says why it is wrong.
 */
export function gradeAnswer(item: QuizItem, given: string[]): Grade {
  const expected = item.answer;
  const picked = new Set(given);
  const correct =
    picked.size === given.length && picked.size === expected.length && expected.every((a) => picked.has(a));
  const firstWrong = given.find((g) => !expected.includes(g) && item.wrong[g] !== undefined);
  const grade: Grade = { correct, given: [...given], expected: [...expected], explanation: item.explanation };
  if (firstWrong !== undefined) grade.whyWrong = item.wrong[firstWrong];
  return grade;
}
