import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { breakHexRuns } from '../../hex-runs.js';

/** Wraps styled text to `width` columns (words kept whole where they fit), one string per line. */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, width);
  return wrapAnsi(breakHexRuns(text, w), w, { hard: true, trim: true }).split('\n');
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
