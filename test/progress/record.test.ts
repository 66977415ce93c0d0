import { describe, expect, it } from 'vitest';
import { recordAnswer, recordPage, recordQuiz, resetProgress } from '../../src/progress/record.js';
import { emptyProgress } from '../../src/progress/types.js';

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
