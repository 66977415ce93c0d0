// Every line the line mode prints goes through src/escape.ts: it has no colour or cursor codes of
// its own, so any control character in it came from a certificate, a pack or the learner.

import { createInterface } from 'node:readline';
import { escapeControls } from '../escape.js';
import { wrapText } from './wrap.js';

/** Line-by-line input and output for the line mode: no cursor movement, no colour. */
export interface PlainIO {
  /** Columns text is wrapped to. */
  width: number;
  /** Prints text (wrapped) and a line break; an empty call prints a blank line. */
  say(text?: string): void;
  /** Prints `prompt` and waits for one line; null at the end of input (Ctrl-D, or a script ran out). */
  ask(prompt: string): Promise<string | null>;
  /** Stops reading input, so the process can exit. */
  close(): void;
}

/** Options of createPlainIO. */
export interface PlainIOOptions {
  width: number;
  /**
   * Repeat each answer read after its prompt: when input is piped, the transcript then shows what
   * was answered (on a terminal the terminal itself echoes it).
   */
  echo: boolean;
}

/** Line mode over any pair of streams (process.stdin/stdout, or test streams). */
export function createPlainIO(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: PlainIOOptions,
): PlainIO {
  const rl = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(null);
  });
  return {
    width: opts.width,
    say(text = '') {
      output.write(`${escapeControls(wrapText(text, opts.width), true)}\n`);
    },
    async ask(prompt) {
      output.write(escapeControls(wrapText(prompt, opts.width), true));
      const line =
        lines.length > 0
          ? lines.shift()!
          : ended
            ? null
            : await new Promise<string | null>((resolve) => waiting.push(resolve));
      if (line === null) output.write('\n');
      else if (opts.echo) output.write(`${escapeControls(line)}\n`);
      return line;
    },
    close() {
      rl.close();
      (input as { pause?: () => void }).pause?.();
    },
  };
}
