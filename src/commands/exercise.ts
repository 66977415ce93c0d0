/**
 * `cert-tutor exercise check ID [--dir DIR] [--json]` checks once (exit 0 pass, 1 fail, 2 usage);
 * `cert-tutor exercise [ID]` opens the exercise and re-checks it whenever its folder changes (the
 * TUI on a terminal, the line mode with --plain or without one).
 */
import { UsageError } from '../cli-args.js';
import { checkResultsTarget, writeResultsFile } from '../course/results-file.js';
import { checkExercise } from '../exercises/check.js';
import {
  exerciseById,
  exerciseFolder,
  exerciseResults,
  recordCheck,
  renderResult,
  usablePack,
  workspaceDir,
} from './exercise-common.js';
import { EXERCISE } from './index.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values: v, positionals: pos } = parseCommand(argv, EXERCISE);
  const checkOnce = pos[0] === 'check';
  const ids = checkOnce ? pos.slice(1) : pos;
  if (ids.length > 1) throw new UsageError(`one exercise at a time (got ${ids.join(', ')})`);
  if (checkOnce && !ids[0]) throw new UsageError('check needs an exercise id: cert-tutor exercise check ID');
  if (v.json && !checkOnce)
    throw new UsageError('--json goes with check: cert-tutor exercise check ID --json');
  if ((v.report !== undefined || v.name !== undefined) && !checkOnce)
    throw new UsageError('--report and --name go with check: cert-tutor exercise check ID --report FILE');
  if (v.report !== undefined) checkResultsTarget(v.report);
  const pack = usablePack(v.pack);
  const workspace = workspaceDir(v.dir);
  if (checkOnce) {
    const e = exerciseById(pack, ids[0]!);
    const folder = exerciseFolder(workspace, e, v.dir !== undefined);
    const startedAt = new Date();
    const r = await checkExercise(e, folder, ctx.now);
    recordCheck(ctx, r);
    if (v.report !== undefined) {
      writeResultsFile(v.report, exerciseResults(e, r, v.name ?? '', startedAt, new Date()));
      ctx.stderr.write(`Results written to ${v.report}\n`);
    }
    ctx.stdout.write(v.json ? `${JSON.stringify(r, null, 2)}\n` : renderResult(e, r, ctx.env));
    return r.passed ? 0 : 1;
  }
  const { openExercise } = await import('./exercise-open.js');
  return openExercise(pack, workspace, ids[0], v, ctx);
}
