import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

let counter = 0;

/** The prefix of the temporary files writeJsonAtomic makes next to `path` (`<path>.tmp-<pid>-<n>`). */
export const tmpPrefix = (path: string) => `${path}.tmp-`;

/**
 * Writes `value` as JSON atomically: a temporary file in the same folder, flushed, then renamed
 * over the target, so a crash or kill -9 at any moment leaves either the old or the new file,
 * never half of one. The folder is created unless `makeFolder` is false. Throws the file system's error (callers turn it into one line).
 */
export function writeJsonAtomic(path: string, value: unknown, mode: number, makeFolder = true): void {
  const tmp = `${tmpPrefix(path)}${process.pid}-${++counter}`;
  try {
    if (makeFolder) mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(tmp, 'w', mode);
    try {
      writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw e;
  }
}
