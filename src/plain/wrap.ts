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
      // Continuation lines hang under the label's value, or (a label too long for that) four
      // columns in from the line's own indentation, which is never lost.
      const lead = hanging(line);
      const indent = BULLET.exec(line)?.[1]?.length ?? 0;
      const isLabel = lead.length > 0 && LABEL.test(line);
      const pad = lead.length < width / 2 ? lead.length : indent < width / 2 ? indent : 0;
      const rest = pad === lead.length || !isLabel ? pad : Math.min(pad + 4, Math.floor(width / 2));
      const first = line.slice(0, pad);
      const wrapped = wrapAnsi(breakHexRuns(line.slice(pad), width - rest), width - rest, {
        hard: true,
        trim: true,
      }).split('\n');
      // The first line may use the columns between its pad and the hanging indent.
      return wrapped.map((w, i) => (i === 0 ? first + w : ' '.repeat(rest) + w)).join('\n');
    })
    .join('\n');
}
