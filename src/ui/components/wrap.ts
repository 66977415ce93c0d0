import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Wraps styled text to `width` columns (words kept whole where they fit), one string per line. */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, width);
  return wrapAnsi(text, w, { hard: true, trim: true }).split('\n');
}

/** Wraps with a first-line prefix and a hanging indent for the following lines. */
export function wrapHanging(
  text: string,
  width: number,
  first: string,
  rest = ' '.repeat(stringWidth(first)),
): string[] {
  const inner = Math.max(1, width - stringWidth(first));
  return wrapLines(text, inner).map((l, i) => (i === 0 ? first : rest) + l);
}

/** Display width of styled text (ANSI codes and wide characters accounted for). */
export const widthOf = (text: string) => stringWidth(text);
