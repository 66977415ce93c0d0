/** Placeholder replaced below. */
import type { ExercisePack } from '../exercises/pack.js';
import type { CommandContext } from './types.js';

export async function openExercise(
  _pack: ExercisePack,
  _workspace: string,
  _id: string | undefined,
  _v: { dir?: string; plain?: boolean },
  _ctx: CommandContext,
): Promise<number> {
  return 1;
}
