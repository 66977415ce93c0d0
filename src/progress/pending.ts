import { readdirSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_FILE_BYTES, readFileCapped } from '../pki/file-limits.js';
import { writeJsonAtomic } from './atomic-file.js';
import { mergeProgress } from './merge.js';
import type { ProgressDoc } from './types.js';
import { validateProgress } from './validate.js';

/**
 * Saves that could not wait for the lock: a window that waited LOCK_WAIT_MS writes what it wants to
 * save to a file of its own (`progress.json.pending-<pid>-<n>`, atomically), which no other process
 * writes, so nothing is lost and no one is blocked. The next process that holds the lock merges
 * every pending file into progress.json (mergeProgress, newest answer wins) and removes it.
 */

let counter = 0;
const prefix = (file: string) => `${basename(file)}.pending-`;

/** Writes `doc` (and the `base` it was made from) as a pending save beside `file`. */
export function writePending(file: string, doc: ProgressDoc, base: ProgressDoc | undefined): void {
  const path = join(file, '..', `${prefix(file)}${process.pid}-${++counter}`);
  writeJsonAtomic(path, base ? { doc, base } : { doc }, 0o600, false);
}

/** The pending saves beside `file`, oldest name first; unreadable ones are listed (to be removed) but give no doc. */
export function readPending(file: string): {
  paths: string[];
  saves: { doc: ProgressDoc; base?: ProgressDoc }[];
} {
  const dir = join(file, '..');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix(file)) && !n.includes('.tmp-'));
  } catch {
    return { paths: [], saves: [] };
  }
  const paths = names.sort().map((n) => join(dir, n));
  const saves: { doc: ProgressDoc; base?: ProgressDoc }[] = [];
  for (const path of paths) {
    try {
      const raw = JSON.parse(readFileCapped(path, MAX_FILE_BYTES).toString('utf8')) as {
        doc?: unknown;
        base?: unknown;
      };
      const doc = validateProgress(raw.doc);
      if (!('doc' in doc)) continue;
      const base = raw.base === undefined ? undefined : validateProgress(raw.base);
      saves.push(base && 'doc' in base ? { doc: doc.doc, base: base.doc } : { doc: doc.doc });
    } catch {
      // gone meanwhile, or not ours: nothing to merge
    }
  }
  return { paths, saves };
}

/** `disk` with every pending save merged in. */
export const withPending = (disk: ProgressDoc, saves: { doc: ProgressDoc; base?: ProgressDoc }[]) =>
  saves.reduce((d, s) => mergeProgress(d, s.doc, s.base), disk);

/** Removes pending saves once they are in progress.json. */
export function removePending(paths: string[]): void {
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch {
      // removed by another process already
    }
  }
}
