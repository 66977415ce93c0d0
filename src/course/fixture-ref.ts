import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fixturesDir } from '../paths.js';
import { badLinkMessage, badLinkOnWay } from './pack-paths.js';

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
  // Every link on the way, from the pack folder (so a `fixtures` that is itself a link counts), must
  // stay inside it; checked name by name, so the answer never tells whether an outside path exists.
  const bad = badLinkOnWay(builtin ? base : packDir, path);
  if (bad) return { error: `fixture path '${file}': ${badLinkMessage(bad, builtin ? where : 'the pack')}` };
  return { ref: text, path, index };
}
