import { randomInt } from 'node:crypto';
import { UsageError, UserError } from '../cli-args.js';
import { buildQuiz } from '../course/generate-quiz.js';
import { newSeed } from '../course/generate-random.js';
import {
  checkResultsTarget,
  type QuizResults,
  RESULTS_FORMAT_NAME,
  RESULTS_FORMAT_VERSION,
  writeResultsFile,
} from '../course/results-file.js';
import { type PlainQuizOutcome, runPlainQuiz } from '../plain/quiz.js';
import { QUIZ } from './index.js';
import * as session from './quiz-session.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

function parseCount(text: string | undefined): number {
  if (text === undefined) return 10;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 1000)
    throw new UsageError(`--count wants a whole number from 1 to 1000, not '${text}'`);
  return Number(text);
}

/**
 * `cert-tutor quiz`: authored and generated questions, in the line mode (this build has no TUI quiz
 * screen, so a terminal gets the line mode too). Every answer is saved to progress and the review
 * schedule at once; `--report FILE` writes a results file at the end, also when stopped early.
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, QUIZ);
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const count = parseCount(values.count);
  if (values.seed !== undefined && values.seed.trim() === '') throw new UsageError('--seed needs a value');
  const seed = values.seed?.trim() ?? newSeed(() => randomInt(0, 2 ** 32) / 2 ** 32);
  const { course, generated } = await session.loadQuizSource(values.lessons, ctx);
  if (values.lesson !== undefined && !course.lessons.some((l) => l.id === values.lesson)) {
    throw new UserError(
      `no lesson '${values.lesson}' in this course; 'cert-tutor lessons' lists the lesson ids`,
    );
  }
  const items = buildQuiz({
    course,
    generated,
    count,
    seed,
    ...(values.lesson ? { lessonId: values.lesson } : {}),
  });
  if (items.length === 0) throw new UserError('this course has no quiz questions to ask');

  // Refused before the first question, not after the last: a learner never does a quiz for nothing.
  if (values.report !== undefined) checkResultsTarget(values.report);
  const clock = session.sessionClock(ctx);
  const onAnswer = session.progressRecorder(ctx, clock);
  const io = session.plainIOFor(ctx);
  let outcome: PlainQuizOutcome;
  try {
    outcome = await runPlainQuiz({
      io,
      items,
      clock,
      title: `${course.title}: a quiz of ${items.length} questions (seed ${seed}; the same seed gives the same quiz).`,
      describeFixture: session.fixtureDescriber(course),
      lessonLabel: session.lessonLabeller(course),
      onAnswer,
    });
  } finally {
    io.close();
  }
  if (values.report !== undefined) {
    const results: QuizResults = {
      format: RESULTS_FORMAT_NAME,
      formatVersion: RESULTS_FORMAT_VERSION,
      name: values.name ?? '',
      seed,
      courseTitle: course.title,
      courseVersion: course.version,
      lesson: values.lesson ?? null,
      startedAt: outcome.startedAt.toISOString(),
      endedAt: outcome.endedAt.toISOString(),
      questions: items.length,
      items: outcome.answers.map((a) => ({
        id: a.item.id,
        lessonId: a.item.lessonId,
        source: a.item.source,
        prompt: a.item.prompt,
        given: a.grade.given,
        expected: a.grade.expected,
        correct: a.grade.correct,
        hinted: a.hinted,
        timeMs: a.timeMs,
      })),
    };
    const titles = new Map(course.lessons.map((l) => [l.id, `Lesson ${l.number}, ${l.title}`]));
    results.lessonTitles = Object.fromEntries(
      results.items.flatMap((i) => (titles.has(i.lessonId) ? [[i.lessonId, titles.get(i.lessonId)!]] : [])),
    );
    writeResultsFile(values.report, results);
    ctx.stdout.write(`Results written to ${values.report}\n`);
  }
  return 0;
}
