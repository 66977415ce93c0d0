import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fixturesDir } from '../paths.js';

/** A fixture reference resolved to a file and a certificate index. */
export interface ResolvedRef {
  ref: string;
  path: string;
  index: number;
}

/**
 * Resolves a fixture reference as written in a pack: `PATH` is relative to the pack's `fixtures/`
 * folder, `builtin:PATH` to cert-tutor's own fixtures, and `#N` picks the N-th (0-based)
 * certificate of a multi-certificate file. Returns a one-line error (what to do) instead when the
 * reference is malformed or leaves its folder.
 */
export function resolveFixtureRef(ref: string, packDir: string): ResolvedRef | { error: string } {
  const text = ref.trim();
  const m = text.match(/^(builtin:)?([^#]*)(?:#(.*))?$/);
  const file = m?.[2]?.trim() ?? '';
  if (!m || file === '')
    return { error: `fixture reference '${ref}' names no file; write a path such as leaf/server.pem` };
  let index = 0;
  if (m[3] !== undefined) {
    if (!/^\d+$/.test(m[3])) {
      return {
        error: `fixture reference '${ref}': '#${m[3]}' is not a certificate number; write #0, #1, ...`,
      };
    }
    index = Number(m[3]);
  }
  const builtin = m[1] !== undefined;
  const base = builtin ? fixturesDir() : join(packDir, 'fixtures');
  const where = builtin ? "cert-tutor's fixtures folder" : "the pack's fixtures/ folder";
  // `..`, absolute paths and backslashes could reach any file on the machine: a pack may only
  // show the certificates it ships (or cert-tutor's own).
  if (isAbsolute(file) || file.includes('\\') || file.split('/').includes('..')) {
    return { error: `fixture path '${file}' leaves ${where}; use a path inside it, without '..'` };
  }
  const path = resolve(base, file);
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return { error: `fixture path '${file}' leaves ${where}; use a path inside it, without '..'` };
  }
  if (leavesThroughLink(base, path)) {
    return { error: `fixture path '${file}' is a link that leaves ${where}; copy the file into the folder` };
  }
  return { ref: text, path, index };
}

/** Whether an existing file resolves, through a symbolic link, to a place outside `base`. */
function leavesThroughLink(base: string, path: string): boolean {
  let real: string;
  let realBase: string;
  try {
    real = realpathSync(path);
    realBase = realpathSync(base);
  } catch {
    return false; // a missing file is reported when it is opened
  }
  const rel = relative(realBase, real);
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel);
}
