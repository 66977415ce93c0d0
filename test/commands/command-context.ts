import { PassThrough } from 'node:stream';
import type { CommandContext } from '../../src/commands/types.js';

/** A command context over in-memory streams: `input` is piped to stdin (not a terminal), then it ends. */
export function scriptedContext(input: string, now: Date, env: Record<string, string>) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  stdin.end(input);
  const ctx: CommandContext = { stdin, stdout, stderr, color: false, now, env };
  return { ctx, stdout: () => out, stderr: () => err };
}
