import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/progress/merge.js';
import {
  attemptAnswers,
  recordAnswer,
  recordAttempt,
  recordPage,
  recordQuiz,
  resetProgress,
} from '../../src/progress/record.js';
import { emptyProgress } from '../../src/progress/types.js';
import { validateProgress } from '../../src/progress/validate.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('progress records', () => {
  it('remembers the current page, the furthest page seen and the last lesson opened', () => {
    let d = recordPage(emptyProgress(), 'chains', 4);
    d = recordPage(d, 'chains', 1);
    expect(d.lessons.chains).toMatchObject({ page: 1, pagesSeen: 5, done: false });
    expect(d.lastLesson).toBe('chains');
  });

  it('counts attempts per item id and keeps the latest result', () => {
    let d = recordAnswer(emptyProgress(), 'chains', 'q1', false, now);
    d = recordAnswer(d, 'chains', 'q1', true, now);
    expect(d.lessons.chains?.answers.q1).toEqual({ correct: true, at: now.toISOString(), attempts: 2 });
  });

  it('marks a lesson done with its quiz score', () => {
    const d = recordQuiz(emptyProgress(), 'chains', 3, 4, now);
    expect(d.lessons.chains).toMatchObject({ done: true, quiz: { score: 3, total: 4 } });
  });

  it('does not change the document it was given', () => {
    const before = emptyProgress();
    recordPage(before, 'chains', 2);
    expect(before).toEqual(emptyProgress());
  });

  it('forgets lessons and review cards on reset', () => {
    const d = resetProgress(recordQuiz(emptyProgress(), 'chains', 1, 1, now));
    expect(d).toEqual(emptyProgress());
  });
});

describe('quiz attempts in the progress document', () => {
  const later = new Date('2026-11-26T12:05:00Z');

  it('an attempt is saved when a quiz begins and ended by its result; answers before it do not count', () => {
    let d = recordAnswer(emptyProgress(), 'chains', 'q1', true, now);
    d = recordQuiz(d, 'chains', 1, 1, now);
    d = recordAttempt(d, 'chains', 'seed-1', later);
    expect(d.lessons.chains?.attempt).toEqual({ seed: 'seed-1', started: later.toISOString() });
    expect(attemptAnswers(d, 'chains')).toEqual({});
    d = recordAnswer(d, 'chains', 'q2', false, later);
    expect(Object.keys(attemptAnswers(d, 'chains'))).toEqual(['q2']);
    d = recordQuiz(d, 'chains', 0, 1, later);
    expect(d.lessons.chains?.attempt).toBeUndefined();
  });

  it('survives validation and merging; a merge drops an attempt a finished quiz ended', () => {
    const begun = recordAttempt(emptyProgress(), 'chains', 'seed-1', now);
    const checked = validateProgress(JSON.parse(JSON.stringify(begun)));
    expect('doc' in checked && checked.doc.lessons.chains?.attempt).toEqual(begun.lessons.chains!.attempt);
    const bad = validateProgress({
      ...begun,
      lessons: { chains: { ...begun.lessons.chains, attempt: { seed: 1 } } },
    });
    expect('dropped' in bad && bad.dropped.some((x) => x.startsWith('quiz attempt of chains'))).toBe(true);
    // Another window answered a page turn: the attempt stays.
    const other = recordPage(begun, 'chains', 2);
    expect(mergeProgress(other, begun, begun).lessons.chains?.attempt?.seed).toBe('seed-1');
    // This window finished the quiz: the disk's attempt is over.
    const finished = recordQuiz(begun, 'chains', 1, 1, later);
    expect(mergeProgress(begun, finished, begun).lessons.chains?.attempt).toBeUndefined();
  });
});
