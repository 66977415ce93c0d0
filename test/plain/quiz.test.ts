import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../src/course/types.js';
import { type PlainAnswer, runPlainQuiz } from '../../src/plain/quiz.js';
import { scriptedIO } from './plain-streams.js';

const item = (
  id: string,
  choices: string[],
  answer: string[],
  kind: QuizItem['kind'] = 'choice',
): QuizItem => ({
  id,
  lessonId: 'chains',
  kind,
  prompt: `Question ${id}?`,
  choices,
  answer,
  hint: `Hint for ${id}.`,
  explanation: `Because of ${id}.`,
  wrong: {},
  source: 'authored',
});

const ITEMS = [
  item('a', ['server', 'client', 'unrestricted'], ['client']),
  item('b', ['yes', 'no'], ['no']),
  item(
    'c',
    ['digitalSignature', 'keyCertSign', 'keyAgreement'],
    ['digitalSignature', 'keyAgreement'],
    'multi-choice',
  ),
];

async function play(input: string) {
  const { io, output } = scriptedIO(input);
  const saved: PlainAnswer[] = [];
  let t = Date.parse('2026-11-26T12:00:00Z');
  const outcome = await runPlainQuiz({
    io,
    items: ITEMS,
    clock: () => {
      t += 1000;
      return new Date(t);
    },
    lessonLabel: (id) => `lesson 4, Chains (${id})`,
    onAnswer: (a) => saved.push(a),
  });
  io.close();
  return { outcome, saved, text: output() };
}

describe('the line-mode quiz', () => {
  it('numbers the choices, grades typed numbers and sums up the score and what to revisit', async () => {
    const { outcome, saved, text } = await play('2\n1\n3 1\n');
    expect(text).toContain('  1. server\n  2. client\n  3. unrestricted\n');
    expect(outcome.ended).toBe('done');
    expect(saved.map((a) => a.grade.correct)).toEqual([true, false, true]);
    expect(text).toContain('Not right. The answer: no.');
    expect(text).toContain('Score: 2 of 3 right (67%).');
    expect(text).toMatch(
      /To go over:\n- Question b\? The answer: no\.\n {2}Because of b\.\n {2}Revisit lesson 4, Chains \(chains\)\./,
    );
  });

  it('shows the hint on h and records that the answer came after it', async () => {
    const { saved, text } = await play('h\n2\n');
    expect(text).toContain('Hint: Hint for a.');
    expect(saved[0]!.hinted).toBe(true);
    expect(saved[0]!.grade.correct).toBe(true);
  });

  it('asks again after input that is not a choice', async () => {
    const { saved, text } = await play('7\nfoo\n1 2\n2\n');
    expect(text.match(/Type a number from 1 to 3/g)).toHaveLength(3);
    expect(saved).toHaveLength(1);
  });

  it('stops on q and at the end of input, keeping the answers given', async () => {
    const quit = await play('2\nq\n1\n');
    expect(quit.outcome.ended).toBe('quit');
    expect(quit.saved).toHaveLength(1);
    expect(quit.text).toContain('Stopped after 1 of 3 questions; your progress is saved.');
    const eof = await play('2\n');
    expect(eof.outcome.ended).toBe('eof');
    expect(eof.text).toContain('Score: 1 of 1 right (100%).');
  });

  it('measures the time taken with the clock it is given', async () => {
    const { outcome, saved, text } = await play('2\n1\n1\n');
    expect(saved.every((a) => a.timeMs === 1000)).toBe(true);
    expect(outcome.endedAt.getTime() - outcome.startedAt.getTime()).toBe(7000);
    expect(text).toContain('Time taken: 7s.');
  });
});
