import { createInterface } from 'node:readline/promises';
import { UsageError } from '../cli-args.js';
import type { Course } from '../course/types.js';
import { lessonsDir } from '../paths.js';
import { lessonStatus } from '../progress/lesson-status.js';
import { resetProgress } from '../progress/record.js';
import { dueCount } from '../progress/review.js';
import { loadProgress, progressHome, progressPath, replaceProgress } from '../progress/store.js';
import type { ProgressDoc } from '../progress/types.js';
import { PROGRESS } from './index.js';
import { loadOutline } from './learn-outline.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

const isTty = (s: unknown) => (s as { isTTY?: boolean }).isTTY === true;

/** One lesson's line of the summary, as data (the --json shape). */
export interface LessonSummary {
  id: string;
  number: number | null;
  title: string | null;
  status: 'not started' | 'in progress' | 'done';
  page: number | null;
  pages: number | null;
  quiz: { score: number; total: number; at: string } | null;
}

/** Summarises a progress document against the course (lessons the course no longer has are kept). */
export function summarise(doc: ProgressDoc, course: Course | null): LessonSummary[] {
  const out: LessonSummary[] = [];
  for (const l of course?.lessons ?? []) {
    const s = lessonStatus(l, doc);
    const p = doc.lessons[l.id];
    out.push({
      id: l.id,
      number: l.number,
      title: l.title,
      status: s.kind,
      page: p ? Math.min(p.page, l.pages.length - 1) + 1 : null,
      pages: l.pages.length,
      quiz: p?.quiz ?? null,
    });
  }
  for (const [id, p] of Object.entries(doc.lessons)) {
    if (out.some((x) => x.id === id)) continue;
    const status = p.done ? 'done' : 'in progress';
    out.push({ id, number: null, title: null, status, page: p.page + 1, pages: null, quiz: p.quiz ?? null });
  }
  return out;
}

function describe(s: LessonSummary): string {
  if (s.status === 'done') return s.quiz ? `done, quiz ${s.quiz.score} of ${s.quiz.total}` : 'done';
  if (s.status === 'in progress') return `in progress, page ${s.page}${s.pages ? ` of ${s.pages}` : ''}`;
  return 'not started';
}

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const rl = createInterface({
    input: ctx.stdin as NodeJS.ReadableStream,
    output: ctx.stdout as NodeJS.WritableStream,
  });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** Titles and page counts are all the summary needs: the outline (no certificate engine) gives them. */
async function tryCourse(dir: string, now: Date): Promise<Course | null> {
  return loadOutline(dir, now).catch(() => null);
}

/** `cert-tutor progress [--json] [--reset [--yes]] [--lessons DIR]`: show or reset the learner's progress. */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommand(argv, PROGRESS);
  if (values.yes && !values.reset) throw new UsageError('--yes only goes with --reset');
  const home = progressHome(ctx.env);
  const file = progressPath(home);
  let loaded: ReturnType<typeof loadProgress>;
  loaded = loadProgress(home);
  if (loaded.notice) ctx.stderr.write(`cert-tutor: ${loaded.notice}\n`);

  if (values.reset) {
    if (!values.yes) {
      if (!isTty(ctx.stdin) || !isTty(ctx.stdout)) {
        ctx.stderr.write(
          'cert-tutor: progress --reset needs a yes: run it in a terminal to confirm, or add --yes\n',
        );
        return 2;
      }
      if (!(await confirm(ctx, `Forget all progress in ${file}? This cannot be undone. [y/N] `))) {
        ctx.stdout.write('Nothing was reset.\n');
        return 0;
      }
    }
    replaceProgress(home, resetProgress(loaded.doc));
    ctx.stdout.write(`Progress reset (${file}).\n`);
    return 0;
  }

  const course = await tryCourse(values.lessons ?? lessonsDir(), ctx.now);
  const lessons = summarise(loaded.doc, course);
  const reviewDue = dueCount(loaded.doc, ctx.now);
  const done = lessons.filter((l) => l.status === 'done').length;
  const total = course ? course.lessons.length : lessons.length;
  if (values.json) {
    const out = {
      file,
      lessonsDone: done,
      lessonsTotal: total,
      lastLesson: loaded.doc.lastLesson ?? null,
      reviewDue,
      lessons,
      exercises: loaded.doc.exercises ?? {},
    };
    ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(0, ...lessons.map((l) => (l.title ?? l.id).length));
  const lines = [`Progress kept in ${file}`, ''];
  for (const l of lessons) {
    const num = l.number === null ? '  -' : `${String(l.number).padStart(3)}.`;
    lines.push(`${num} ${(l.title ?? l.id).padEnd(width)}  ${describe(l)}`);
  }
  lines.push(
    '',
    `${done} of ${total} lessons done; ${reviewDue} review item${reviewDue === 1 ? '' : 's'} due.`,
  );
  const exercises = Object.entries(loaded.doc.exercises ?? {});
  if (exercises.length)
    lines.push(
      `Hands-on exercises passed: ${exercises.filter(([, x]) => x.passedAt).length} of ${exercises.length} tried (${exercises.map(([id, x]) => `${id} ${x.passed ? 'passes' : 'fails'}`).join(', ')}).`,
    );
  if (!course)
    lines.push(
      "(the course could not be loaded, so lessons are shown by id; 'cert-tutor lessons --check' says why)",
    );
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
