/**
 * Scrolling a view by a screenful (PgUp/PgDn, Space): one line of the old screen stays in view, so
 * the reader keeps their place; clamped to [0, maxScroll].
 */
export function pageScroll(scroll: number, dir: 1 | -1, pageLines = 1, maxScroll = 0): number {
  const step = Math.max(1, pageLines - 1);
  return Math.min(Math.max(0, scroll + dir * step), Math.max(0, maxScroll));
}
