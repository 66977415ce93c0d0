import { UserError } from '../cli-args.js';
import type { CommandContext } from './types.js';

/** Not built yet: see the issue tracker. */
export async function run(_argv: string[], _ctx: CommandContext): Promise<number> {
  throw new UserError("'lab' is not available in this build yet");
}
