import { UsageError } from '../cli-args.js';
import { nextReviewDue, reviewItems } from '../course/review-items.js';
import { runPlainQuiz } from '../plain/quiz.js';
import { loadProgress, progressHome } from '../progress/store.js';
import { REVIEW } from './index.js';
import * as session from './quiz-session.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

/** The due items, picked as the course TUI picks them (src/course/review-items.ts). */
export { reviewItems };

/**
 * `cert-tutor review`: drills the items whose review is due now, most overdue first, in the line
 * mode; every answer reschedules its item (FSRS) and is saved at once.
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, REVIEW);
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const { course, generated } = await session.loadQuizSource(values.lessons, ctx);
  const clock = session.sessionClock(ctx);
  const onAnswer = session.progressRecorder(ctx, clock);
  const { doc } = loadProgress(progressHome(ctx.env));
  const items = reviewItems(course, generated, doc, ctx.now);
  if (items.length === 0) {
    const next = nextReviewDue(doc);
    ctx.stdout.write(
      next
        ? `Nothing is due for review now. The next item is due ${next}.\n`
        : 'Nothing to review yet: answer some quiz questions first (cert-tutor quiz).\n',
    );
    return 0;
  }
  const io = session.plainIOFor(ctx);
  try {
    await runPlainQuiz({
      io,
      items,
      clock,
      title: `Review: ${items.length} ${items.length === 1 ? 'item is' : 'items are'} due.`,
      describeFixture: session.fixtureDescriber(course),
      lessonLabel: session.lessonLabeller(course),
      onAnswer,
    });
  } finally {
    io.close();
  }
  return 0;
}
