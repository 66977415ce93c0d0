import { UsageError } from '../cli-args.js';
import { findLesson } from '../course/find-lesson.js';
import type { Course } from '../course/types.js';
import { lessonsDir } from '../paths.js';
import { loadProgress, progressHome, saveProgress } from '../progress/store.js';
import type { StartOptions } from '../ui/start.js';
import { LEARN } from './index.js';
import { loadOutline } from './learn-outline.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

const PLAIN_POINTER =
  "the course needs an interactive terminal; run 'cert-tutor learn --plain' for the line mode, or a non-interactive command: inspect, lessons, progress";

const isTty = (s: unknown) => (s as { isTTY?: boolean }).isTTY === true;

/** The id of the lesson named by id or by its number in the course (src/course/find-lesson.ts). */
export function lessonIdFor(course: Course, wanted: string): string {
  const found = findLesson(course, wanted);
  if (found) return found.id;
  throw new UsageError(`no lesson '${wanted}' in this course ('cert-tutor lessons' lists them)`);
}

/** Loads the course, or says in one line why it cannot. */
async function courseFrom(dir: string, now: Date): Promise<Course> {
  const { loadCourse } = await import('../course/index.js');
  return await loadCourse(dir, { now });
}

/**
 * `cert-tutor learn [LESSON] [--plain] [--lessons DIR]`: opens the course TUI (home, or LESSON by
 * id or number). With --plain the line mode runs instead (src/commands/plain-learn.ts). Without a
 * terminal on both stdin and stdout (and no --plain) nothing starts: one line pointing to --plain,
 * exit 2 (Ink's raw mode needs a terminal, and a script should choose the line mode).
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, LEARN);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}`);
  if (!values.plain && (!isTty(ctx.stdin) || !isTty(ctx.stdout))) {
    ctx.stderr.write(`cert-tutor: ${PLAIN_POINTER}\n`);
    return 2;
  }
  const dir = values.lessons ?? lessonsDir();
  if (values.plain) {
    const course = await courseFrom(dir, ctx.now);
    const startLesson = positionals[0] !== undefined ? lessonIdFor(course, positionals[0]) : undefined;
    const { runPlainLearn } = await import('./plain-learn.js');
    return runPlainLearn(ctx, { course, ...(startLesson ? { startLesson } : {}) });
  }
  return startCourse(ctx, { dir, startLesson: positionals[0] });
}

/**
 * Opens the course TUI on a terminal: home, or `startLesson` (id or number), or with `exercises`
 * an exercise (`cert-tutor exercise`). The hands-on exercises of the default workspace are offered too.
 */
export async function startCourse(
  ctx: CommandContext,
  o: { dir: string; startLesson?: string; exercises?: StartOptions['exercises'] },
): Promise<number> {
  const dir = o.dir;
  // Ink paints only the last frame when CI is set (docs/decisions.md, "Ink and CI"); on a real terminal that would
  // leave the learner a blank screen. Ink reads it once, when it is first imported, just below.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // The TUI's modules (Ink, React, yoga) load while progress and the outline are read.
  const tui = import('../ui/start.js');
  tui.catch(() => undefined);
  const home = progressHome(ctx.env);
  const loaded = loadProgress(home);
  // The home screen needs only the outline; the full course (fixtures checked, answers computed by
  // the certificate engine) loads after the first frame. A pack the outline cannot read loads fully first.
  const outline = await loadOutline(dir, ctx.now).catch(() => null);
  const course = outline ?? (await courseFrom(dir, ctx.now));
  const startLesson = o.startLesson !== undefined ? lessonIdFor(course, o.startLesson) : undefined;
  const { startTui } = await tui;
  return startTui({
    ctx,
    course,
    ...(outline ? { outline: { loadFull: () => courseFrom(dir, ctx.now) } } : {}),
    progress: loaded.doc,
    notice: loaded.notice,
    startLesson,
    onSave: (doc, base, onNotice) => {
      saveProgress(home, doc, base, onNotice);
    },
    exercises: o.exercises ?? defaultExercises(ctx),
  });
}

/** The exercises of the default workspace (./cert-tutor-exercises), loaded after the first frame. */
function defaultExercises(ctx: CommandContext): StartOptions['exercises'] {
  return {
    watch: ctx.env.CERT_TUTOR_NO_WATCH !== '1',
    load: async () => {
      const [{ exerciseSession }, { workspaceDir, usablePack }] = await Promise.all([
        import('../exercises/session.js'),
        import('./exercise-common.js'),
      ]);
      return exerciseSession(workspaceDir(undefined), usablePack(undefined));
    },
  };
}
