import { describe, expect, it } from 'vitest';
import { attemptSeed, firstIsRight, presentQuiz, retrySeed } from '../../src/course/present-question.js';
import type { QuizItem } from '../../src/course/types.js';

const item = (id: string, over: Partial<QuizItem> = {}): QuizItem => ({
  id,
  lessonId: 'alpha',
  kind: 'choice',
  prompt: `Question ${id}?`,
  // Written as most authors write them: the right answer first.
  choices: ['right', 'wrong one', 'wrong two', 'wrong three'],
  answer: ['right'],
  hint: 'h',
  explanation: 'e',
  wrong: {},
  source: 'authored',
  ...over,
});

const quiz = Array.from({ length: 40 }, (_, i) => item(`q${i}`));
const seeds = Array.from({ length: 30 }, (_, i) => `learner-${i}`);

describe('presentQuiz: the order of choices', () => {
  it('shows every choice once and keeps the answer key', () => {
    for (const shown of presentQuiz(quiz, 'a')) {
      expect([...shown.choices].sort()).toEqual([...quiz[0]!.choices].sort());
      expect(shown.answer).toEqual(['right']);
    }
  });

  it('gives the same order for the same seed (a restart mid-quiz) and another for another seed', () => {
    expect(presentQuiz(quiz, 'seed-1')).toEqual(presentQuiz(quiz, 'seed-1'));
    const a = presentQuiz(quiz, 'seed-1').map((i) => i.choices.join('|'));
    const b = presentQuiz(quiz, 'seed-2').map((i) => i.choices.join('|'));
    expect(a.filter((x, i) => x !== b[i]).length).toBeGreaterThan(20);
  });

  it('reorders on a retry and differs per attempt start', () => {
    const seed = attemptSeed('alpha', new Date('2026-11-26T12:00:00Z'));
    expect(seed).not.toBe(attemptSeed('alpha', new Date('2026-11-26T12:00:01Z')));
    expect(seed).not.toBe(attemptSeed('beta', new Date('2026-11-26T12:00:00Z')));
    const first = presentQuiz(quiz, seed).map((i) => i.choices.join('|'));
    const retry = presentQuiz(quiz, retrySeed(seed, 1)).map((i) => i.choices.join('|'));
    expect(first.filter((x, i) => x !== retry[i]).length).toBeGreaterThan(20);
  });

  it('holds an always-first learner to chance: at most a quarter of 4-choice items over any seed', () => {
    for (const seed of seeds) {
      const firsts = presentQuiz(quiz, seed).filter(firstIsRight).length;
      // 40 items of 4 choices: chance is 10 right.
      expect(firsts).toBeLessThanOrEqual(10);
    }
  });

  it('also for yes/no items: at most half of them', () => {
    const yesNo = Array.from({ length: 12 }, (_, i) =>
      item(`yn${i}`, { kind: 'has-private-key', choices: ['yes', 'no'], answer: ['yes'] }),
    );
    for (const seed of seeds)
      expect(presentQuiz(yesNo, seed).filter(firstIsRight).length).toBeLessThanOrEqual(6);
    const orders = new Set(seeds.map((s) => presentQuiz(yesNo, s)[0]!.choices.join('|')));
    expect(orders).toEqual(new Set(['yes|no', 'no|yes']));
  });

  it('shuffles multi-choice items too', () => {
    const multi = item('m', {
      kind: 'multi-choice',
      choices: ['serverAuth', 'clientAuth', 'codeSigning', 'emailProtection'],
      answer: ['serverAuth', 'clientAuth'],
    });
    const orders = new Set(seeds.map((s) => presentQuiz([multi], s)[0]!.choices.join('|')));
    expect(orders.size).toBeGreaterThan(5);
    // Picking only the first choice never answers a two-answer item.
    expect(firstIsRight(multi)).toBe(false);
  });

  it('keeps the authored order of an item pinned with order: fixed, and counts it towards the share', () => {
    const scale = item('scale', { choices: ['low', 'medium', 'high'], answer: ['low'], order: 'fixed' });
    for (const seed of seeds) {
      const shown = presentQuiz([scale, ...quiz.slice(0, 3)], seed);
      expect(shown[0]!.choices).toEqual(['low', 'medium', 'high']);
      // 1/3 + 3/4 of chance: one first-place answer, the pinned one; the others avoid first place.
      expect(shown.filter(firstIsRight).length).toBe(1);
    }
  });
});
