import { performance } from 'node:perf_hooks';
import { fixtureReader } from '../course/fixture-open.js';
import { loadCourse } from '../course/index.js';
import { generateCourseItems, recordSessionAnswer } from '../course/session.js';
import type { Course, QuizItem } from '../course/types.js';
import { lessonsDir } from '../paths.js';
import { createPlainIO, type PlainIO } from '../plain/line-io.js';
import type { PlainAnswer } from '../plain/quiz.js';
import { quizFixtureLines } from '../plain/quiz-card.js';
import { plainWidth } from '../plain/wrap.js';
import { loadProgress, progressHome, updateProgress } from '../progress/store.js';
import type { CommandContext } from './types.js';

/** A course with its generated items, ready for quizzes and review. */
export interface QuizSource {
  course: Course;
  generated: QuizItem[];
}

/** Loads the course (the built-in one or `--lessons DIR`) and generates items from its fixtures. */
export async function loadQuizSource(dir: string | undefined, ctx: CommandContext): Promise<QuizSource> {
  const course: Course = await loadCourse(dir ?? lessonsDir(), { now: ctx.now });
  return { course, generated: await generateCourseItems(course) };
}

/** "lesson 3, EKU and Key Usage (eku-and-key-usage)" for a lesson id. */
export function lessonLabeller(course: Course): (id: string) => string {
  return (id) => {
    const l = course.lessons.find((x) => x.id === id);
    return l ? `lesson ${l.number}, ${l.title}` : `lesson ${id}`;
  };
}

/** A live clock that starts at ctx.now (tests pin it) and advances with the real elapsed time. */
export function sessionClock(ctx: CommandContext): () => Date {
  const t0 = performance.now();
  return () => new Date(ctx.now.getTime() + Math.round(performance.now() - t0));
}

/**
 * The line-mode input/output on the process streams, wrapped to $COLUMNS or 80. Ctrl+C ends the
 * input like Ctrl+D, so a quiz still prints its summary and writes its results file.
 */
export function plainIOFor(ctx: CommandContext): PlainIO {
  const stdinIsTty = (ctx.stdin as { isTTY?: boolean }).isTTY === true;
  const io = createPlainIO(ctx.stdin, ctx.stdout, { width: plainWidth(ctx.env), echo: !stdinIsTty });
  const onInterrupt = () => io.close();
  process.once('SIGINT', onInterrupt);
  return {
    ...io,
    close() {
      process.off('SIGINT', onInterrupt);
      io.close();
    },
  };
}

/** The fixture card shown with an item, read by the engine at the course clock. */
export function fixtureDescriber(course: Course): (item: QuizItem) => Promise<string[]> {
  const read = fixtureReader(new Date(course.clock));
  return async (item) => {
    if (!item.fixture) return [];
    const report = await read(item.fixture.path, item.fixture.password);
    return quizFixtureLines(item, report);
  };
}

/**
 * Opens the progress file (telling the learner once if a damaged one was moved aside) and returns
 * the function that records each answer, saved atomically before the next question, so stopping at
 * any moment loses nothing. Every answer reschedules its item for review; only a lesson's own quiz
 * (`lessonQuiz`) saves the answer under the lesson: a practice or review answer never makes a
 * lesson look started.
 */
export function progressRecorder(
  ctx: CommandContext,
  clock: () => Date,
  opts: { lessonQuiz?: boolean } = {},
): (a: PlainAnswer) => void {
  const home = progressHome(ctx.env);
  const { notice } = loadProgress(home);
  if (notice) ctx.stderr.write(`cert-tutor: ${notice}\n`);
  const tell = (text: string) => ctx.stderr.write(`cert-tutor: ${text}\n`);
  return (a) => {
    const now = clock();
    const answer = { correct: a.grade.correct, hinted: a.hinted, isLessonQuiz: opts.lessonQuiz === true };
    updateProgress(home, (doc) => recordSessionAnswer(doc, a.item, answer, now), tell);
  };
}
