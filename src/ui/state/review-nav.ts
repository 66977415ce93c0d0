import { nextReviewDue } from '../../course/review-items.js';
import type { QuizItem } from '../../course/types.js';
import { dueCount } from '../../progress/review.js';
import type { ProgressDoc } from '../../progress/types.js';
import { startReview } from './course-nav.js';
import type { AppState } from './types.js';

/** Shown while a review round is being prepared (the generator and the certificate engine load on first use). */
export const REVIEW_LOADING = 'The review is being prepared; it opens in a moment.';

const NOTHING_DUE = 'Nothing is due for review now';
const NOTHING_YET = 'Nothing to review yet';
const GONE = 'no longer in this course';

/** The one line `v` shows on home when nothing is due: when the next item is. */
export function nothingDueText(doc: ProgressDoc): string {
  const next = nextReviewDue(doc);
  return next
    ? `${NOTHING_DUE}; the next item is due ${next}.`
    : `${NOTHING_YET}: answer some quiz questions first.`;
}

const isReviewNotice = (text: string | null) =>
  text !== null &&
  (text === REVIEW_LOADING ||
    text.startsWith(NOTHING_DUE) ||
    text.startsWith(NOTHING_YET) ||
    text.endsWith(`${GONE}.`));

/**
 * `v` on home: with items due, asks for them to be picked (the app loads them and answers with
 * `reviewItems`); with none, says when the next one is due.
 */
export function requestReview(state: AppState, now: Date): AppState {
  if (state.isReviewLoading) return state;
  if (dueCount(state.progress, now) === 0) {
    const notice = nothingDueText(state.progress);
    return state.notice === notice ? state : { ...state, notice };
  }
  return { ...state, isReviewLoading: true, notice: REVIEW_LOADING };
}

/**
 * The due items have been picked: the round starts if the learner is still waiting on home. Due
 * items the course no longer has are said so, in one line.
 */
export function reviewLoaded(state: AppState, items: QuizItem[], now: Date): AppState {
  if (!state.isReviewLoading) return state;
  const done = {
    ...state,
    isReviewLoading: false,
    notice: state.notice === REVIEW_LOADING ? null : state.notice,
  };
  if (state.screen.kind !== 'home') return done;
  if (items.length > 0) return { ...done, screen: startReview(items) };
  const n = dueCount(state.progress, now);
  if (n === 0) return { ...done, notice: nothingDueText(state.progress) };
  const notice = `${n === 1 ? 'The item' : `The ${n} items`} due for review ${n === 1 ? 'is' : 'are'} ${GONE}.`;
  return { ...done, notice };
}

/** The review round could not be prepared: one line saying why. */
export function reviewFailed(state: AppState, message: string): AppState {
  if (!state.isReviewLoading) return state;
  return { ...state, isReviewLoading: false, notice: `the review could not be prepared: ${message}` };
}

/** Leaving home drops a pending review and the review notices (they are about the home screen). */
export function leaveHome(before: AppState, after: AppState): AppState {
  if (before.screen.kind !== 'home' || after.screen.kind === 'home') return after;
  if (!after.isReviewLoading && !isReviewNotice(after.notice)) return after;
  return { ...after, isReviewLoading: false, notice: isReviewNotice(after.notice) ? null : after.notice };
}
