import { PassThrough } from 'node:stream';
import type { CommandContext } from '../../src/commands/types.js';

/** The course clock most command tests pin. */
export const COURSE_NOW = new Date('2026-11-26T12:00:00Z');

/** Options of capturedContext. */
export interface CaptureOptions {
  stdin?: CommandContext['stdin'];
  now?: Date;
  env?: Record<string, string>;
  /** Called with each chunk written to stderr (e.g. to answer a prompt). */
  onStderr?: (chunk: string) => void;
}

/** A command context over in-memory streams that keeps what the command writes. */
export function capturedContext(opts: CaptureOptions = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
    opts.onStderr?.(String(d));
  });
  const ctx: CommandContext = {
    stdin: opts.stdin ?? new PassThrough(),
    stdout,
    stderr,
    color: false,
    now: opts.now ?? COURSE_NOW,
    env: opts.env ?? {},
  };
  return { ctx, stdout: () => out, stderr: () => err };
}

/** A command context over in-memory streams: `input` is piped to stdin (not a terminal), then it ends. */
export function scriptedContext(input: string, now: Date, env: Record<string, string>) {
  const stdin = new PassThrough();
  stdin.end(input);
  return capturedContext({ stdin, now, env });
}
