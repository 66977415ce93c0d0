import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { breakHexRuns } from '../../hex-runs.js';

/** A lone mark after a space ("accepted ✔"): glued to its word so a wrap never leaves it alone. */
const LONE_MARK = / ([^\s\p{L}\p{N}])(?=\s|$)/gu;
/** Spaces at the start of a wrapped line, after any colour codes that open it. */
const LEADING_SPACES = /^((?:\u001B\[[0-9;]*m)*) +/;

/**
 * Wraps styled text to `width` columns (words kept whole where they fit), one string per line. No
 * line but the first starts with a space (wrap-ansi's trim misses spaces behind a colour code).
 */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const glued = breakHexRuns(text, w).replace(LONE_MARK, '\u00A0$1');
  return wrapAnsi(glued, w, { hard: true, trim: true })
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.replace(LEADING_SPACES, '$1')))
    .map((l) => l.replace(/\u00A0/g, ' '));
}

/** Wraps with a first-line prefix and a hanging indent for the following lines. */
export function wrapHanging(
  text: string,
  width: number,
  first: string,
  rest = ' '.repeat(stringWidth(first)),
): string[] {
  const firstRoom = Math.max(1, width - stringWidth(first));
  const restRoom = Math.max(1, width - stringWidth(rest));
  // Hex runs are cut into whole bytes that fit the narrower of the two lines, before any wrapping.
  const lines = wrapLines(breakHexRuns(text, Math.min(firstRoom, restRoom)), firstRoom);
  // A hanging indent wider than the first prefix has less room: wrap the rest again to fit it.
  const tail =
    restRoom < firstRoom && lines.length > 1 ? wrapLines(lines.slice(1).join(' '), restRoom) : lines.slice(1);
  return [first + lines[0], ...tail.map((l) => rest + l)];
}

/** Display width of styled text (ANSI codes and wide characters accounted for). */
export const widthOf = (text: string) => stringWidth(text);
