import { UsageError, UserError } from '../cli-args.js';
import { readFileCapped } from '../pki/file-limits.js';
import type { CommandContext } from './types.js';

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };

/** True when a password can be asked for: stdin is a terminal that supports raw mode. */
export function canPrompt(stdin: CommandContext['stdin']): boolean {
  const s = stdin as TtyIn;
  return s.isTTY === true && typeof s.setRawMode === 'function';
}

/** Thrown when the learner presses Ctrl-C or Ctrl-D at the prompt. */
export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

/**
 * Asks for a password on the terminal without echoing it (nothing, not even stars, is shown), on
 * stderr so that stdout stays clean for --json. Enter ends it; Backspace deletes; Ctrl-C or Ctrl-D
 * rejects with PromptCancelled. The typed password is never written anywhere.
 */
export function promptPassword(
  question: string,
  ctx: Pick<CommandContext, 'stdin' | 'stderr'>,
): Promise<string> {
  const stdin = ctx.stdin as TtyIn;
  ctx.stderr.write(question);
  stdin.setRawMode?.(true);
  stdin.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (err?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      ctx.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new PromptCancelled('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The password of `--password P` or `--password-file F` (its first line; a file keeps the password
 * out of `ps` and of the shell history), or undefined when neither is given.
 */
export async function passwordOption(
  p: string | undefined,
  file: string | undefined,
): Promise<string | undefined> {
  if (p !== undefined && file !== undefined)
    throw new UsageError('give either --password or --password-file, not both');
  if (file === undefined) return p;
  try {
    // A password file holds one line: a pipe, a device or a huge file is refused, not read forever.
    return (
      readFileCapped(file, 64 * 1024, 'a password file')
        .toString('utf8')
        .split(/\r?\n/)[0] ?? ''
    );
  } catch (e) {
    throw new UserError(`${file}: cannot read the password file: ${(e as Error).message}`);
  }
}
