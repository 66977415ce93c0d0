import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpPrefix } from './atomic-file.js';
import { isAlive } from './lock.js';

// A temporary file whose writer is gone, or that is older than this, was left by a killed process.
const TMP_STALE_MS = 60_000;

/**
 * Removes temporary files left by processes killed mid-save: writeJsonAtomic's `.tmp-<pid>-<n>` beside
 * progress.json or beside a pending save (`progress.json.pending-<pid>-<n>.tmp-<pid>-<n>`).
 */
export function removeStaleTemps(home: string, file: string, now: number): void {
  const mark = basename(tmpPrefix('')); // ".tmp-"
  let names: string[];
  try {
    names = readdirSync(home).filter((n) => n.startsWith(`${basename(file)}.`) && n.includes(mark));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(home, name);
    const pid = Number(name.slice(name.lastIndexOf(mark) + mark.length).split('-')[0]);
    try {
      const old = now - statSync(path).mtimeMs > TMP_STALE_MS;
      if (old || (pid !== process.pid && !isAlive(pid))) unlinkSync(path);
    } catch {
      // removed by another process meanwhile
    }
  }
}
