import type { Theme } from '../theme.js';

/** A bar such as "[#####.....] 3 of 9 lessons done"; the numbers carry the meaning, the bar helps. */
export function progressBar(
  done: number,
  total: number,
  width: number,
  t: Theme,
  noun = 'lessons done',
): string {
  const label = ` ${done} of ${total} ${noun}`;
  const barWidth = Math.max(5, Math.min(30, width - label.length - 2));
  const full = total === 0 ? 0 : Math.round((done / total) * barWidth);
  const bar =
    t.paint('success', t.sym.barFull.repeat(full)) + t.paint('muted', t.sym.barEmpty.repeat(barWidth - full));
  return `[${bar}]${label}`;
}
