import type { CertBlock, Course, LabBlock, Lesson } from '../course/types.js';
import { findLab } from '../labs/catalog.js';
import type { PlainIO } from './line-io.js';
import { markdownToText } from './markdown-text.js';

/** How a learner left the line-mode course. */
export type PlainExit = 'quit' | 'eof';

/** What a lesson's state looks like to the course menu (from the progress file). */
export interface LessonState {
  /** The page to resume at (0-based). */
  page: number;
  done: boolean;
  /** A quiz attempt was begun and not finished: opening the lesson resumes it. */
  attempt?: unknown;
}

/** What runPlainCourse needs; it touches no file itself. */
export interface PlainCourseOptions {
  io: PlainIO;
  course: Course;
  /** Open this lesson (id) first instead of the course menu. */
  startLesson?: string;
  /** The lesson the learner read last (Enter on the menu continues it). */
  lastLesson?: string;
  /** Each lesson's saved state, by lesson id. */
  lessonState: (lessonId: string) => LessonState | undefined;
  /** "N items due for review", shown on the menu when above 0. */
  reviewDue?: number;
  /** The labelled lines of a certificate embedded in a page (from the engine). */
  describeCert: (block: CertBlock) => Promise<string[]>;
  /** The learner reached page `page` of a lesson: save it. */
  onPage: (lessonId: string, page: number) => void;
  /** Runs the lesson's quiz in the line mode (the caller saves the answers); returns how it ended. */
  runQuiz: (lesson: Lesson) => Promise<'done' | PlainExit>;
  /** Runs a lab a page offers (real handshakes); 'back' returns to the page. Without it, labs are not offered. */
  runLab?: (block: LabBlock) => Promise<'back' | PlainExit>;
}

const NEXT_PAGE = 'Enter: next page; b: back; q: stop: ';
const LAST_PAGE = 'Enter: take the quiz of this lesson; s: skip the quiz; b: back; q: stop: ';
const LAB_KEY = 't: run the lab; ';

/** The lab a page offers, when it offers one and the line mode can run it. */
function labOf(opts: PlainCourseOptions, lesson: Lesson, index: number): LabBlock | undefined {
  if (!opts.runLab) return undefined;
  return lesson.pages[index]?.blocks.find((b): b is LabBlock => b.type === 'lab');
}

/** A lab block as text: what it is and how to run it. */
function labText(b: LabBlock, canRun: boolean): string {
  const info = findLab(b.lab);
  const how = canRun ? 'type t to run it here' : `run it with: cert-tutor lab ${b.lab}`;
  return `TLS lab: ${info?.title ?? b.lab}: ${info?.summary ?? ''}. Real handshakes on 127.0.0.1; ${how}.`;
}

/** The lesson Enter opens on the menu: the one being read, else the first not done. */
function suggested(opts: PlainCourseOptions, readNow: Set<string>): Lesson | undefined {
  const { course } = opts;
  const open = (l: Lesson) => !opts.lessonState(l.id)?.done && !readNow.has(l.id);
  const last = course.lessons.find((l) => l.id === opts.lastLesson);
  if (last && open(last)) return last;
  return course.lessons.find(open);
}

async function printPage(opts: PlainCourseOptions, lesson: Lesson, index: number): Promise<void> {
  const { io } = opts;
  const page = lesson.pages[index]!;
  io.say();
  io.say(`Lesson ${lesson.number}: ${lesson.title}, page ${index + 1} of ${lesson.pages.length}`);
  for (const b of page.blocks) {
    io.say();
    if (b.type === 'markdown') io.say(markdownToText(b.text));
    else if (b.type === 'lab') io.say(labText(b, opts.runLab !== undefined));
    else if (b.type === 'exercise')
      io.say(
        `Hands-on exercise: cert-tutor exercise ${b.id} (make the files with openssl or PowerShell; it is checked as you save).`,
      );
    else for (const l of await opts.describeCert(b)) io.say(l);
  }
  io.say();
}

/** Reads one lesson page by page; returns 'done' after its last page (and its quiz). */
async function readLesson(opts: PlainCourseOptions, lesson: Lesson): Promise<'done' | PlainExit> {
  const { io } = opts;
  if (lesson.pages.length === 0) return 'done';
  const saved = opts.lessonState(lesson.id);
  if (saved?.attempt && lesson.quiz.length) return opts.runQuiz(lesson);
  let page = saved && !saved.done ? Math.min(saved.page, lesson.pages.length - 1) : 0;
  for (;;) {
    opts.onPage(lesson.id, page);
    await printPage(opts, lesson, page);
    const isLast = page === lesson.pages.length - 1;
    const lab = labOf(opts, lesson, page);
    const line = await io.ask((lab ? LAB_KEY : '') + (isLast ? LAST_PAGE : NEXT_PAGE));
    if (line === null) return 'eof';
    const t = line.trim().toLowerCase();
    if (t === 'q') return 'quit';
    if (lab && opts.runLab && t === 't') {
      const r = await opts.runLab(lab);
      if (r !== 'back') return r;
    } else if (t === 'b') page = Math.max(0, page - 1);
    else if (isLast && t === 's') return 'done';
    else if (isLast) return lesson.quiz.length ? opts.runQuiz(lesson) : 'done';
    else page++;
  }
}

function printMenu(opts: PlainCourseOptions, next: Lesson | undefined): void {
  const { io, course } = opts;
  io.say();
  io.say(`${course.title}: lessons`);
  for (const l of course.lessons) {
    const st = opts.lessonState(l.id);
    const mark = st?.done
      ? ' (done)'
      : st && st.page > 0
        ? ` (at page ${Math.min(st.page, l.pages.length - 1) + 1} of ${l.pages.length})`
        : '';
    io.say(`  ${l.number}. ${l.title}${mark}`);
  }
  if (opts.reviewDue) io.say(`${opts.reviewDue} items due for review: run cert-tutor review --plain.`);
  if (!next) io.say(markdownToText(course.closing));
}

/**
 * The whole course line by line: a numbered lesson menu, each lesson page by page (Enter for the
 * next page, certificates as labelled lines), its quiz at the end, and back to the menu. `q` or
 * the end of input stops; the caller's onPage/runQuiz have saved progress by then.
 */
export async function runPlainCourse(opts: PlainCourseOptions): Promise<PlainExit> {
  const { io, course } = opts;
  const fresh = course.lessons.every((l) => opts.lessonState(l.id) === undefined);
  io.say(course.title);
  if (fresh && course.welcome.trim()) io.say(markdownToText(course.welcome));
  let open = opts.startLesson ? course.lessons.find((l) => l.id === opts.startLesson) : undefined;
  // Lessons read to the end in this session: Enter moves on even if their quiz was skipped.
  const readNow = new Set<string>();
  for (;;) {
    if (!open) {
      const next = suggested(opts, readNow);
      printMenu(opts, next);
      const hint = next ? `Enter for lesson ${next.number}` : 'all lessons are done';
      const line = await io.ask(`Type a lesson number (${hint}; q to stop): `);
      if (line === null) return 'eof';
      const t = line.trim().toLowerCase();
      if (t === 'q') return 'quit';
      if (t === '' && !next) continue;
      open = t === '' ? next : course.lessons.find((l) => String(l.number) === t || l.id === t);
      if (!open) {
        io.say(`There is no lesson '${line.trim()}': type a number from 1 to ${course.lessons.length}.`);
        continue;
      }
    }
    const r = await readLesson(opts, open);
    if (r !== 'done') return r;
    readNow.add(open.id);
    open = undefined;
  }
}
