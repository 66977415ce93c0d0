import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../src/course/index.js';
import type { QuizItem } from '../../src/course/types.js';

const item = (over: Partial<QuizItem>): QuizItem => ({
  id: 'q',
  lessonId: 'l',
  kind: 'choice',
  prompt: 'Which?',
  choices: ['a', 'b', 'c'],
  answer: ['a'],
  hint: 'h',
  explanation: 'because a',
  wrong: { b: 'b is wrong because', c: 'c is wrong because' },
  source: 'authored',
  ...over,
});

describe('gradeAnswer', () => {
  it('marks the right choice correct and always gives the explanation', () => {
    const g = gradeAnswer(item({}), ['a']);
    expect(g).toEqual({ correct: true, given: ['a'], expected: ['a'], explanation: 'because a' });
  });

  it('marks a wrong choice incorrect and says why that choice is wrong', () => {
    const g = gradeAnswer(item({}), ['b']);
    expect(g.correct).toBe(false);
    expect(g.expected).toEqual(['a']);
    expect(g.explanation).toBe('because a');
    expect(g.whyWrong).toBe('b is wrong because');
  });

  it('gives no whyWrong when the item has no reason for that choice', () => {
    const g = gradeAnswer(item({ wrong: {} }), ['c']);
    expect(g.correct).toBe(false);
    expect(g.whyWrong).toBeUndefined();
  });

  it('accepts a multi-choice answer in any order', () => {
    const multi = item({ kind: 'multi-choice', answer: ['a', 'c'], wrong: { b: 'not b' } });
    expect(gradeAnswer(multi, ['c', 'a']).correct).toBe(true);
  });

  it('refuses a multi-choice answer that misses one right choice or adds a wrong one', () => {
    const multi = item({ kind: 'multi-choice', answer: ['a', 'c'], wrong: { b: 'not b' } });
    expect(gradeAnswer(multi, ['a']).correct).toBe(false);
    const extra = gradeAnswer(multi, ['a', 'b', 'c']);
    expect(extra.correct).toBe(false);
    expect(extra.whyWrong).toBe('not b');
  });

  it('refuses an empty answer', () => {
    expect(gradeAnswer(item({}), []).correct).toBe(false);
  });
});
