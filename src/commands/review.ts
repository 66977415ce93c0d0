import { parseCommandArgs, UsageError } from '../cli-args.js';
import { findItem, withShuffledChoices } from '../course/generate-quiz.js';
import type { Course, QuizItem } from '../course/types.js';
import { runPlainQuiz } from '../plain/quiz.js';
import { dueItems, splitReviewKey } from '../progress/review.js';
import { loadProgress, progressHome } from '../progress/store.js';
import type { ProgressDoc } from '../progress/types.js';
import {
  fixtureDescriber,
  lessonLabeller,
  loadQuizSource,
  plainIOFor,
  progressRecorder,
  sessionClock,
} from './quiz-session.js';
import type { CommandContext } from './types.js';

const OPTIONS = { plain: { type: 'boolean' }, lessons: { type: 'string' } } as const;

/**
 * The items due at `now`, most overdue first, with their choices shuffled for the day (a generated
 * item keeps its answer first until shuffled). Items the course no longer has are left out.
 */
export function reviewItems(course: Course, generated: QuizItem[], doc: ProgressDoc, now: Date): QuizItem[] {
  const items: QuizItem[] = [];
  for (const key of dueItems(doc, now)) {
    const { lessonId, itemId } = splitReviewKey(key);
    const item = findItem(course, generated, lessonId, itemId);
    if (item) items.push(withShuffledChoices(item, `review|${now.toISOString().slice(0, 10)}`));
  }
  return items;
}

/**
 * `cert-tutor review`: drills the items whose review is due now, most overdue first, in the line
 * mode; every answer reschedules its item (FSRS) and is saved at once.
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, false);
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const { course, generated } = await loadQuizSource(values.lessons, ctx);
  const clock = sessionClock(ctx);
  const onAnswer = progressRecorder(ctx, clock);
  const { doc } = loadProgress(progressHome(ctx.env));
  const items = reviewItems(course, generated, doc, ctx.now);
  if (items.length === 0) {
    const next = Object.values(doc.review)
      .map((c) => c.due)
      .sort()[0];
    ctx.stdout.write(
      next
        ? `Nothing is due for review now. The next item is due ${next.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')}.\n`
        : 'Nothing to review yet: answer some quiz questions first (cert-tutor quiz).\n',
    );
    return 0;
  }
  const io = plainIOFor(ctx);
  try {
    await runPlainQuiz({
      io,
      items,
      clock,
      title: `Review: ${items.length} ${items.length === 1 ? 'item is' : 'items are'} due.`,
      describeFixture: fixtureDescriber(course),
      lessonLabel: lessonLabeller(course),
      onAnswer,
    });
  } finally {
    io.close();
  }
  return 0;
}
