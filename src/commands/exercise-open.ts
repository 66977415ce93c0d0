/**
 * `cert-tutor exercise [ID]`: opens the exercise (ID, else the first not yet passed) in the course
 * TUI, watching its folder; with --plain, or without a terminal, in the line mode.
 * CERT_TUTOR_NO_WATCH=1 turns watching off (r re-checks by hand), as on some network drives.
 */
import { UsageError } from '../cli-args.js';
import type { ExercisePack } from '../exercises/pack.js';
import { exerciseSession } from '../exercises/session.js';
import { lessonsDir } from '../paths.js';
import { createPlainIO } from '../plain/line-io.js';
import { plainWidth } from '../plain/wrap.js';
import { loadProgress, progressHome } from '../progress/store.js';
import { exerciseById, exerciseFolder, marks, recordCheck } from './exercise-common.js';
import type { CommandContext } from './types.js';

const isTty = (s: unknown) => (s as { isTTY?: boolean }).isTTY === true;

export async function openExercise(
  pack: ExercisePack,
  workspace: string,
  id: string | undefined,
  v: { dir?: string; plain?: boolean },
  ctx: CommandContext,
): Promise<number> {
  if (pack.exercises.length === 0) throw new UsageError('this pack has no exercises');
  let target = id ? exerciseById(pack, id) : undefined;
  if (!target) {
    const done = (() => {
      try {
        return loadProgress(progressHome(ctx.env)).doc.exercises ?? {};
      } catch {
        return {};
      }
    })();
    target = pack.exercises.find((e) => !done[e.id]?.passedAt) ?? pack.exercises[0]!;
  }
  exerciseFolder(workspace, target, v.dir !== undefined);
  const watch = ctx.env.CERT_TUTOR_NO_WATCH !== '1';
  const session = exerciseSession(workspace, pack);
  if (v.plain || !isTty(ctx.stdin) || !isTty(ctx.stdout)) {
    const { runPlainExercise } = await import('../plain/exercise.js');
    const io = createPlainIO(ctx.stdin, ctx.stdout, { width: plainWidth(ctx.env), echo: !isTty(ctx.stdin) });
    return runPlainExercise({
      io,
      session,
      start: target.id,
      watch,
      now: () => new Date(),
      onResult: (r) => recordCheck(ctx, r),
      marks: marks(ctx.env),
    });
  }
  const { startCourse } = await import('./learn.js');
  return startCourse(ctx, {
    dir: lessonsDir(),
    exercises: { watch, open: target.id, load: async () => session },
  });
}
