/** What the exercise commands share: the pack, the workspace folder, the rendering of a result. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, UserError } from '../cli-args.js';
import { type QuizResults, RESULTS_FORMAT_NAME, RESULTS_FORMAT_VERSION } from '../course/results-file.js';
import { type ExercisePack, loadExercisePack } from '../exercises/pack.js';
import type { Exercise, ExerciseResult } from '../exercises/types.js';
import { DEFAULT_WORKSPACE } from '../exercises/workspace.js';
import { recordExercise } from '../progress/record.js';
import { ProgressError, progressHome, updateProgress } from '../progress/store.js';
import { version } from '../version.js';
import type { CommandContext } from './types.js';

/** The pack (built-in or --pack DIR); a pack with problems cannot be used. */
export function usablePack(dir: string | undefined): ExercisePack {
  const pack = loadExercisePack(dir ? resolve(dir) : undefined);
  if (pack.problems.length)
    throw new UserError(
      `the exercise pack has problems (${pack.problems[0]}); run cert-tutor exercises --check${dir ? ` --pack ${dir}` : ''}`,
    );
  return pack;
}

/** The workspace folder: --dir, else ./cert-tutor-exercises. */
export const workspaceDir = (dir: string | undefined) => resolve(dir ?? DEFAULT_WORKSPACE);

/** The exercise with this id, or a usage error listing the ids. */
export function exerciseById(pack: ExercisePack, id: string): Exercise {
  const e = pack.exercises.find((x) => x.id === id);
  if (!e)
    throw new UsageError(
      `no exercise '${id}' (choose one of: ${pack.exercises.map((x) => x.id).join(', ')})`,
    );
  return e;
}

/** The exercise's folder in the workspace; a missing one is a problem the learner can fix. */
export function exerciseFolder(workspace: string, e: Exercise, dirGiven: boolean): string {
  const folder = join(workspace, e.id);
  if (!existsSync(folder))
    throw new UserError(
      `${folder} does not exist; make the workspace first: cert-tutor exercises init${dirGiven ? ` ${workspace}` : ''}`,
    );
  return folder;
}

/** Records a check in progress; a progress file that cannot be written is a warning, not a failure. */
export function recordCheck(ctx: CommandContext, r: ExerciseResult): void {
  try {
    updateProgress(progressHome(ctx.env), (doc) => recordExercise(doc, r.id, r.passed, ctx.now));
  } catch (e) {
    if (!(e instanceof ProgressError)) throw e;
    ctx.stderr.write(`cert-tutor: ${e.message}\n`);
  }
}

/** Marks that read on any terminal: ✔/✘, or OK/FAIL on TERM=dumb. */
export const marks = (env: NodeJS.ProcessEnv) =>
  env.TERM === 'dumb' ? { ok: 'OK  ', bad: 'FAIL' } : { ok: '✔', bad: '✘' };

/** A result as text: one line per check, then the verdict. */
export function renderResult(e: Exercise, r: ExerciseResult, env: NodeJS.ProcessEnv): string {
  const m = marks(env);
  const lines = [`${e.id}: ${e.title}`];
  for (const c of r.checks) lines.push(`  ${c.passed ? m.ok : m.bad} ${c.message}`);
  const failed = r.checks.filter((c) => !c.passed).length;
  lines.push(
    r.passed
      ? `PASSED: all ${r.checks.length} checks pass.`
      : `NOT YET: ${failed} of ${r.checks.length} checks fail.`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A check as a results file `cert-tutor report` reads: one item per check (right = passed), the
 * exercise as the "seed", so a class's files for one exercise are summarised together.
 */
export function exerciseResults(
  e: Exercise,
  r: ExerciseResult,
  name: string,
  startedAt: Date,
  endedAt: Date,
): QuizResults {
  return {
    format: RESULTS_FORMAT_NAME,
    formatVersion: RESULTS_FORMAT_VERSION,
    name,
    seed: `exercise:${e.id}`,
    courseTitle: `cert-tutor exercise ${e.id}: ${e.title}`,
    courseVersion: version(),
    lesson: e.lesson,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    questions: r.checks.length,
    items: r.checks.map((c) => ({
      id: c.name,
      lessonId: e.lesson,
      source: 'authored' as const,
      prompt: `a check of the ${e.id} exercise`,
      given: [c.message],
      expected: ['passes'],
      correct: c.passed,
      hinted: false,
      timeMs: 0,
    })),
  };
}
