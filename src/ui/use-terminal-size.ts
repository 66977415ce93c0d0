import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** The terminal's size in cells. */
export interface Size {
  columns: number;
  rows: number;
}

/** The smallest terminal the course lays out in. */
export const MIN_SIZE: Size = { columns: 60, rows: 15 };

/** The terminal size, updated on every resize (non-terminals count as 80x24). */
export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read depends only on stdout
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
