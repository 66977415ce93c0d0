import { Box, Text } from 'ink';
import { hintLine, type Intent, type Scope } from '../input/key-map.js';
import type { Theme } from '../theme.js';
import type { Size } from '../use-terminal-size.js';

/** Props of Frame: a title, the body's lines and where the body is scrolled to. */
export interface FrameProps {
  title: string;
  lines: string[];
  /** First body line to show; clamped, and moved so that `focus` (if given) is visible. */
  scroll: number;
  focus?: number;
  scope: Scope;
  size: Size;
  theme: Theme;
  /** A one-line message for the status bar (a notice, a saved score). */
  status?: string | null;
  /** Keys of the scope that do nothing here now, left out of the hints (`i` with nothing to inspect). */
  unavailable?: readonly Intent[];
}

/** Rows of the frame that are not body: title, status line, key hints, and two spare rows (a frame as tall as the terminal makes Ink clear the screen). */
const CHROME = 5;

/** How many body lines fit, and the largest useful scroll offset. */
export function bodyMetrics(lineCount: number, size: Size): { height: number; maxScroll: number } {
  const height = Math.max(1, size.rows - CHROME);
  return { height, maxScroll: Math.max(0, lineCount - height) };
}

/** The frame every screen draws in: title bar, scrolled body, status line, key hints from the key map. */
export function Frame({
  title,
  lines,
  scroll,
  focus,
  scope,
  size,
  theme: t,
  status,
  unavailable,
}: FrameProps) {
  const { height, maxScroll } = bodyMetrics(lines.length, size);
  let top = Math.min(Math.max(0, scroll), maxScroll);
  if (focus !== undefined) top = Math.min(Math.max(top, focus - height + 1), Math.max(0, focus));
  top = Math.min(Math.max(0, top), maxScroll);
  const shown = lines.slice(top, top + height);
  const more =
    lines.length > height
      ? `${top > 0 ? t.sym.arrowUp : ' '}${top < maxScroll ? t.sym.arrowDown : ' '} lines ${top + 1}-${Math.min(lines.length, top + height)} of ${lines.length}`
      : '';
  const statusText = [status ?? '', more].filter(Boolean).join('  ');
  return (
    <Box flexDirection="column" width={size.columns}>
      <Text wrap="truncate-end">{t.paint('title', title)}</Text>
      {/* One Text for the body: its lines are already wrapped to the width, so Ink lays out one node. */}
      <Text>{[...shown, ...Array.from({ length: height - shown.length }, () => '')].join('\n')}</Text>
      <Text wrap="truncate-end">{t.paint('muted', statusText || ' ')}</Text>
      <Text wrap="truncate-end">{t.paint('accent', hintLine(scope, t.unicode, unavailable))}</Text>
    </Box>
  );
}
