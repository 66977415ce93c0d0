import { readFileSync, statSync } from 'node:fs';
import { PkiError } from './errors.js';

/** Files larger than this are refused before reading: certificate files are kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Text files cert-tutor reads besides certificates (lesson packs, exercise packs) larger than this
 * are refused before reading: the whole built-in course is about 200 KB.
 */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** A file system error as one line a user can act on. */
export function fsError(e: unknown): PkiError {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return new PkiError('not-found', 'file not found');
  if (code === 'EISDIR') return new PkiError('is-directory', 'is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM')
    return new PkiError('permission', 'cannot be read (permission denied)');
  return new PkiError('read-error', `cannot be read (${code ?? 'unknown error'})`);
}

/**
 * The one-line "too large" error; `size` null when only "more than the limit" is known (a pipe).
 * `limit` and `what` (the kind of file expected) for files other than certificate files.
 */
export function tooLarge(size: number | null, limit = MAX_FILE_BYTES, what = 'a certificate file'): PkiError {
  // Exact byte counts with separators (10,485,761 bytes), the same on every locale: rounded
  // megabytes would call a file one byte over the limit "10.0 MB; the limit is 10.0 MB".
  const bytes = (n: number) => n.toLocaleString('en-US');
  const how =
    size === null ? `more than ${bytes(limit)} bytes` : `${bytes(size)} bytes; the limit is ${bytes(limit)}`;
  return new PkiError('too-large', `file is too large (${how}), so it is not ${what}`);
}

/**
 * The bytes of a regular file, refused before reading when it is larger than `limit` and when it
 * is not a regular file (a FIFO or a device such as /dev/zero would never end). Throws the same
 * typed PkiErrors as inspect (not-found, is-directory, too-large, not-a-file, ...); callers add
 * the file name.
 */
export function readFileCapped(path: string, limit = MAX_FILE_BYTES, what?: string): Buffer {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    throw fsError(e);
  }
  if (st.isDirectory()) throw fsError({ code: 'EISDIR' });
  if (!st.isFile())
    throw new PkiError('not-a-file', 'is not a regular file (a pipe or a device); give a file');
  if (st.size > limit) throw tooLarge(st.size, limit, what);
  try {
    return readFileSync(path);
  } catch (e) {
    throw fsError(e);
  }
}
