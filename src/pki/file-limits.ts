import { PkiError } from './errors.js';

/** Files larger than this are refused before reading: certificate files are kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file system error as one line a user can act on. */
export function fsError(e: unknown): PkiError {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return new PkiError('not-found', 'file not found');
  if (code === 'EISDIR') return new PkiError('is-directory', 'is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM')
    return new PkiError('permission', 'cannot be read (permission denied)');
  return new PkiError('read-error', `cannot be read (${code ?? 'unknown error'})`);
}

/** The one-line "too large" error; `size` null when only "more than the limit" is known (a pipe). */
export function tooLarge(size: number | null): PkiError {
  // Exact byte counts with separators (10,485,761 bytes), the same on every locale: rounded
  // megabytes would call a file one byte over the limit "10.0 MB; the limit is 10.0 MB".
  const bytes = (n: number) => n.toLocaleString('en-US');
  const what =
    size === null
      ? `more than ${bytes(MAX_FILE_BYTES)} bytes`
      : `${bytes(size)} bytes; the limit is ${bytes(MAX_FILE_BYTES)}`;
  return new PkiError('too-large', `file is too large (${what}), so it is not a certificate file`);
}
