import type { Course, QuizItem } from '../course/types.js';
import type { ProgressDoc } from '../progress/types.js';

/** Picks the items due for review at `now`, most overdue first (what the app's `loadReview` does). */
export type ReviewLoader = (course: Course, doc: ProgressDoc, now: Date) => Promise<QuizItem[]>;

async function generate(course: Course): Promise<QuizItem[]> {
  const [{ loadFixtureFiles }, { generateItems }] = await Promise.all([
    import('../course/generate-fixtures.js'),
    import('../course/generate-items.js'),
  ]);
  const files = await loadFixtureFiles(course);
  return generateItems(
    files,
    course.lessons.map((l) => l.id),
  );
}

/**
 * A review loader over the course's authored items and the items generated from its fixtures (as
 * `cert-tutor review` picks them). The generator and the certificate engine are imported on first
 * use, never for the first frame; the generated items are made once per course.
 */
export function reviewLoader(): ReviewLoader {
  let made: { course: Course; items: Promise<QuizItem[]> } | null = null;
  return async (course, doc, now) => {
    if (made?.course !== course) made = { course, items: generate(course) };
    const pending = made;
    const generated = await pending.items.catch((e: unknown) => {
      if (made === pending) made = null;
      throw e;
    });
    const { reviewItems } = await import('../course/review-items.js');
    return reviewItems(course, generated, doc, now);
  };
}
