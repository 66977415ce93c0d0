import { fixtureReader } from '../course/fixture-open.js';
import { loadCourse } from '../course/index.js';
import { attemptSeed, presentQuiz } from '../course/present-question.js';
import type { CertBlock, Course, LabBlock, Lesson } from '../course/types.js';
import { labOutcome } from '../labs/outcome.js';
import { lessonsDir } from '../paths.js';
import { certificateCard } from '../plain/cert-card.js';
import { type PlainExit, runPlainCourse } from '../plain/course.js';
import { runPlainLab } from '../plain/lab.js';
import type { PlainIO } from '../plain/line-io.js';
import { runPlainQuiz } from '../plain/quiz.js';
import { attemptAnswers, recordAttempt, recordPage, recordQuiz } from '../progress/record.js';
import { dueCount } from '../progress/review.js';
import { loadProgress, progressHome, updateProgress } from '../progress/store.js';
import type { ProgressDoc } from '../progress/types.js';
import {
  fixtureDescriber,
  lessonLabeller,
  plainIOFor,
  progressRecorder,
  sessionClock,
} from './quiz-session.js';
import type { CommandContext } from './types.js';

/** What the line-mode course starts with. */
export interface PlainLearnOptions {
  /** The lesson pack (default: the built-in course). */
  lessonsDir?: string;
  /** A lesson id to open first. */
  startLesson?: string;
  /** An already loaded course (learn.ts may have loaded it). */
  course?: Course;
}

function certDescriber(course: Course): (b: CertBlock) => Promise<string[]> {
  const read = fixtureReader(new Date(course.clock));
  return async (b) => {
    const report = await read(b.path, b.password);
    const cert = report.certificates[b.index];
    if (!cert) return [`(certificate ${b.ref} cannot be shown: ${report.error ?? 'not in the file'})`];
    return certificateCard(cert, {
      highlight: b.highlight,
      reveal: true,
      title: `Certificate: ${b.ref.replace(/^builtin:/, '')}`,
    });
  };
}

/** Runs a lab a page offers, in the line mode; its servers are closed when the learner leaves it. */
function labRunner(io: PlainIO): (b: LabBlock) => Promise<'back' | PlainExit> {
  return async (b) => {
    const { closeAllLabServers, runLabScenario } = await import('../labs/index.js');
    const { renderResult } = await import('./lab.js');
    try {
      const run = (id: string) => runLabScenario(b.lab, id, { now: new Date() });
      const opts = { io, lab: b.lab, run, render: renderResult, outcome: labOutcome, backTo: 'the lesson' };
      return await runPlainLab(opts);
    } finally {
      await closeAllLabServers();
    }
  };
}

/**
 * `cert-tutor learn --plain` (and the course when stdin or stdout is not a terminal): the whole
 * course in the line mode, saving the page reached and every quiz answer as it goes. Returns the
 * exit code (0, also when the learner stops or the input ends).
 */
export async function runPlainLearn(ctx: CommandContext, o: PlainLearnOptions = {}): Promise<number> {
  let course = o.course;
  if (!course) {
    course = await loadCourse(o.lessonsDir ?? lessonsDir(), { now: ctx.now });
  }
  const home = progressHome(ctx.env);
  const loaded = loadProgress(home);
  if (loaded.notice) ctx.stderr.write(`cert-tutor: ${loaded.notice}\n`);
  let doc: ProgressDoc = loaded.doc;
  const tell = (text: string) => ctx.stderr.write(`cert-tutor: ${text}\n`);
  const clock = sessionClock(ctx);
  const onAnswer = progressRecorder(ctx, clock, { lessonQuiz: true });
  const io = plainIOFor(ctx);
  const c = course;
  // A quiz attempt is saved when it begins: stopping and coming back resumes it, in the same order.
  const runQuiz = async (lesson: Lesson): Promise<'done' | PlainExit> => {
    if (!doc.lessons[lesson.id]?.attempt) {
      const now = clock();
      doc = updateProgress(home, (d) => recordAttempt(d, lesson.id, attemptSeed(lesson.id, now), now), tell);
    }
    const seed = doc.lessons[lesson.id]?.attempt?.seed ?? attemptSeed(lesson.id, clock());
    const earlier = attemptAnswers(doc, lesson.id);
    const shown = presentQuiz(lesson.quiz, seed);
    const items = shown.filter((i) => !earlier[i.id]);
    const before = lesson.quiz.filter((q) => earlier[q.id]?.correct).length;
    const done = lesson.quiz.length - items.length;
    const r = await runPlainQuiz({
      io,
      items,
      clock,
      title: done
        ? `Quiz of lesson ${lesson.number}: resuming at question ${done + 1} of ${lesson.quiz.length}.`
        : `Quiz of lesson ${lesson.number}: ${lesson.quiz.length} questions.`,
      numbering: { from: done, of: lesson.quiz.length },
      describeFixture: fixtureDescriber(c),
      lessonLabel: lessonLabeller(c),
      onAnswer,
    });
    if (r.ended !== 'done') return r.ended;
    const right = before + r.answers.filter((a) => a.grade.correct).length;
    doc = updateProgress(home, (d) => recordQuiz(d, lesson.id, right, lesson.quiz.length, clock()), tell);
    return 'done';
  };
  try {
    await runPlainCourse({
      io,
      course,
      ...(o.startLesson ? { startLesson: o.startLesson } : {}),
      ...(doc.lastLesson ? { lastLesson: doc.lastLesson } : {}),
      lessonState: (id) => doc.lessons[id],
      reviewDue: dueCount(doc, ctx.now),
      describeCert: certDescriber(course),
      onPage: (id, page) => {
        doc = updateProgress(home, (d) => recordPage(d, id, page), tell);
      },
      runQuiz,
      runLab: labRunner(io),
    });
  } finally {
    io.close();
  }
  ctx.stdout.write('Your progress is saved. Run cert-tutor --plain to carry on.\n');
  return 0;
}
