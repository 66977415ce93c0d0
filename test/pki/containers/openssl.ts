/** Test helpers: run the real `openssl` CLI (the oracle, tests only) in a temporary folder. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder with an `openssl` runner; remove() when done. */
export function opensslDir() {
  const dir = mkdtempSync(join(tmpdir(), 'ct-containers-'));
  return {
    dir,
    path: (name: string) => join(dir, name),
    /** Runs openssl with `args` in the folder; returns stdout (stderr ignored unless it fails). */
    run: (...args: string[]) =>
      execFileSync('openssl', args, { cwd: dir, encoding: 'latin1', stdio: ['ignore', 'pipe', 'pipe'] }),
    /**
     * Runs one openssl command line, split at spaces; "double quotes" keep a value with spaces
     * whole (`sh('req -subj "/CN=Chain Root"')`). Returns stdout like run().
     */
    sh: (line: string) =>
      execFileSync('openssl', splitArgs(line), {
        cwd: dir,
        encoding: 'latin1',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    bytes: (name: string) => new Uint8Array(readFileSync(join(dir, name))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A command line's words: split at white space, "double quotes" around a word with spaces. */
export function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** DER bodies of every PEM block with this label in `text`. */
export function pemDers(text: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map(
    (m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')),
  );
}

/** Values of "NAME: value" lines (e.g. friendlyName) that `openssl pkcs12 -info` prints. */
export function infoValues(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`^\\s*${name}: (.*)$`, 'gm'))].map((m) => (m[1] ?? '').trim());
}
