import type { QuizItem } from '../../course/types.js';
import { startReview } from './course-nav.js';
import type { AppState, PracticeRequest } from './types.js';

/** Shown while a practice round is being drawn (the generator and the certificate engine load on first use). */
export const PRACTICE_LOADING = 'The practice round is being prepared; it opens in a moment.';

/** How many questions a practice round asks (as `cert-tutor quiz` asks by default). */
export const PRACTICE_COUNT = 10;

/** A fresh seed from the clock, so each round draws other questions (base 36, like `--seed`). */
export const practiceSeed = (now: Date) => now.getTime().toString(36);

/**
 * `p` on home: asks for a practice round of PRACTICE_COUNT questions drawn like `cert-tutor quiz
 * --count 10 --lesson ID --seed S`, the lesson under the cursor in focus and a seed from the clock
 * (the app draws them and answers with `practiceItems`).
 */
export function requestPractice(state: AppState, now: Date): AppState {
  if (state.practiceRequest || state.screen.kind !== 'home') return state;
  const lessonId = state.course.lessons[state.screen.cursor]?.id ?? null;
  const practiceRequest: PracticeRequest = { seed: practiceSeed(now), lessonId, count: PRACTICE_COUNT };
  return { ...state, practiceRequest, notice: PRACTICE_LOADING };
}

const settled = (state: AppState): AppState => ({
  ...state,
  practiceRequest: null,
  notice: state.notice === PRACTICE_LOADING ? null : state.notice,
});

/**
 * The practice items are drawn: the round starts (on the quiz screen, each answer recorded under its
 * lesson and rescheduled, as in a review) if the learner is still waiting on home for this seed.
 */
export function practiceLoaded(state: AppState, items: QuizItem[], seed: string): AppState {
  if (state.practiceRequest?.seed !== seed) return state;
  const done = settled(state);
  if (state.screen.kind !== 'home') return done;
  if (items.length === 0) return { ...done, notice: 'This course has no quiz questions to practise.' };
  return { ...done, screen: { ...startReview(items), practiceSeed: seed } };
}

/** The practice round could not be drawn: one line saying why. */
export function practiceFailed(state: AppState, message: string): AppState {
  if (!state.practiceRequest) return state;
  return { ...settled(state), notice: `the practice round could not be prepared: ${message}` };
}

/** Leaving home drops a pending practice round and its notice. */
export function leavePracticeHome(before: AppState, after: AppState): AppState {
  if (before.screen.kind !== 'home' || after.screen.kind === 'home' || !after.practiceRequest) return after;
  return settled(after);
}
