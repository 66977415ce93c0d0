/**
 * `cert-tutor exercises`: `init [DIR]` makes the workspace; alone it lists the exercises with their
 * status (checked now); `--check [--pack DIR]` validates an exercise pack.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError, UserError } from '../cli-args.js';
import { checkExercise } from '../exercises/check.js';
import { loadExercisePack } from '../exercises/pack.js';
import { initWorkspace, started } from '../exercises/workspace.js';
import { usablePack, workspaceDir } from './exercise-common.js';
import { EXERCISES } from './index.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

/** The folder as typed relative to here when it is below here, else in full. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values: v, positionals: pos } = parseCommand(argv, EXERCISES);
  if (v.check) {
    if (pos.length) throw new UsageError('--check takes no arguments (give the pack with --pack DIR)');
    const pack = loadExercisePack(v.pack);
    for (const p of pack.problems) ctx.stdout.write(`${p}\n`);
    if (pack.problems.length) return 1;
    ctx.stdout.write(`${pack.exercises.length} exercises, no problems.\n`);
    return 0;
  }
  if (pos.length && pos[0] !== 'init')
    throw new UsageError(`unknown argument '${pos[0]}' (did you mean init?)`);
  if (pos.length > 2) throw new UsageError('init takes one folder');
  const pack = usablePack(v.pack);
  if (pos[0] === 'init') {
    if (pos[1] && v.dir) throw new UsageError('give the folder once: init DIR or --dir DIR');
    const dir = workspaceDir(pos[1] ?? v.dir);
    try {
      const made = await initWorkspace(dir, pack.exercises, ctx.now);
      ctx.stdout.write(
        `Workspace ${shown(dir)}: ${pack.exercises.length} exercises (${made.length} new folders), each with TASK.md.\nStart with: cert-tutor exercise ${pack.exercises[0]?.id ?? ''}${pos[1] || v.dir ? ` --dir ${pos[1] ?? v.dir}` : ''}\n`,
      );
    } catch (e) {
      throw new UserError(
        `cannot make the workspace in ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    return 0;
  }
  const dir = workspaceDir(v.dir);
  const rows = [];
  for (const e of pack.exercises) {
    const folder = join(dir, e.id);
    const status = !started(e, folder)
      ? 'not started'
      : (await checkExercise(e, folder, ctx.now)).passed
        ? 'passed'
        : 'failing';
    rows.push({ id: e.id, title: e.title, lesson: e.lesson, status });
  }
  if (v.json) ctx.stdout.write(`${JSON.stringify({ dir, exercises: rows }, null, 2)}\n`);
  else {
    const w = Math.max(...rows.map((r) => r.id.length));
    for (const [i, r] of rows.entries())
      ctx.stdout.write(
        `${String(i + 1).padStart(2)}. ${r.id.padEnd(w)}  ${r.status.padEnd(11)}  ${r.title}\n`,
      );
    ctx.stdout.write(
      `\nWorkspace: ${dir}${existsSync(dir) ? '' : ' (not made yet: cert-tutor exercises init)'}\n`,
    );
  }
  return 0;
}
