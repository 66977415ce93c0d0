import { describe, expect, it } from 'vitest';
import { dueCount, dueDate, dueItems, ratingFor, recordReview } from '../../src/progress/review.js';
import { emptyProgress } from '../../src/progress/types.js';

// The pinned clock: 2026-11-26 12:00 UTC, the course's lesson clock.
const T0 = new Date('2026-11-26T12:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

describe('review scheduling', () => {
  it('rates a wrong answer Again, a right one Good and a right one after the hint Hard', () => {
    expect(ratingFor(false, false)).toBe('again');
    expect(ratingFor(false, true)).toBe('again');
    expect(ratingFor(true, false)).toBe('good');
    expect(ratingFor(true, true)).toBe('hard');
  });

  it('makes a wrongly answered item due again sooner than a rightly answered one', () => {
    let doc = recordReview(emptyProgress(), 'l/wrong', 'again', T0);
    doc = recordReview(doc, 'l/right', 'good', T0);
    doc = recordReview(doc, 'l/hinted', 'hard', T0);
    const wrong = dueDate(doc, 'l/wrong')!;
    const right = dueDate(doc, 'l/right')!;
    const hinted = dueDate(doc, 'l/hinted')!;
    expect(wrong.getTime()).toBeGreaterThan(T0.getTime());
    expect(wrong.getTime()).toBeLessThan(right.getTime());
    expect(hinted.getTime()).toBeLessThanOrEqual(right.getTime());
    // A missed item returns within the hour; a right one not before the next day.
    expect(wrong.getTime()).toBeLessThanOrEqual(minutes(60).getTime());
    expect(right.getTime()).toBeGreaterThanOrEqual(days(1).getTime());
  });

  it('pushes a card further out after a second right answer on its due date', () => {
    let doc = recordReview(emptyProgress(), 'l/a', 'good', T0);
    const first = dueDate(doc, 'l/a')!;
    doc = recordReview(doc, 'l/a', 'good', first);
    const second = dueDate(doc, 'l/a')!;
    expect(second.getTime() - first.getTime()).toBeGreaterThan(first.getTime() - T0.getTime());
  });

  it('counts only the items whose due time has come, most overdue first', () => {
    let doc = recordReview(emptyProgress(), 'l/wrong', 'again', T0);
    doc = recordReview(doc, 'l/right', 'good', T0);
    expect(dueCount(doc, T0)).toBe(0);
    const wrongDue = dueDate(doc, 'l/wrong')!;
    const rightDue = dueDate(doc, 'l/right')!;
    expect(dueItems(doc, wrongDue)).toEqual(['l/wrong']);
    expect(dueCount(doc, new Date(rightDue.getTime() - 1))).toBe(1);
    expect(dueItems(doc, rightDue)).toEqual(['l/wrong', 'l/right']);
    expect(dueCount(doc, days(365))).toBe(2);
  });

  it('keeps the schedule as JSON the progress file can store, without touching the input document', () => {
    const before = emptyProgress();
    const after = recordReview(before, 'l/a', 'again', T0);
    expect(before.review).toEqual({});
    const card = JSON.parse(JSON.stringify(after)).review['l/a'];
    expect(card.due).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(card.reps).toBe(1);
    expect(card.last_review).toBe(T0.toISOString());
    expect(dueCount(after, minutes(60 * 24))).toBe(1);
  });
});
