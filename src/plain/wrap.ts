import wrapAnsi from 'wrap-ansi';
import { breakHexRuns } from '../hex-runs.js';

/** The width the line mode wraps to: $COLUMNS when it is a sensible number, else 80. */
export function plainWidth(env: NodeJS.ProcessEnv): number {
  const n = Number.parseInt(env.COLUMNS ?? '', 10);
  return Number.isInteger(n) && n >= 20 && n <= 1000 ? n : 80;
}

// A list marker at the start of a line, or an indented (or ">"-marked) "Label: " of a card:
// continuation lines align after it.
const BULLET = /^(\s*(?:[-*•] |\d+[.)] |\(\d+\) )?)/;
const LABEL = /^((?:\s+|> )[^:\s][^:]{0,39}: )/;

function hanging(line: string): string {
  return LABEL.exec(line)?.[1] ?? BULLET.exec(line)?.[1] ?? '';
}

/**
 * Wraps text to `width` columns, line by line: words are never split unless longer than a line,
 * and continuation lines of an indented or bulleted line keep its indentation.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const lead = hanging(line);
      const pad = lead.length < width / 2 ? lead.length : 0;
      const body = line.slice(pad);
      const wrapped = wrapAnsi(breakHexRuns(body, width - pad), width - pad, {
        hard: true,
        trim: true,
      }).split('\n');
      return wrapped.map((w, i) => (i === 0 ? line.slice(0, pad) + w : ' '.repeat(pad) + w)).join('\n');
    })
    .join('\n');
}
