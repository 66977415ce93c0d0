/** Test helpers for the x509-limbo cases in the shared corpus, and `openssl verify` as their oracle. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

/** The x509-limbo subset the corpus holds. */
export const LIMBO_FILE = join(packageRoot(), '../shared/corpus/x509-limbo/limbo-subset.json');

/** One x509-limbo test case (the fields the tests read). */
export interface LimboCase {
  id: string;
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  extended_key_usage?: string[] | null;
  expected_peer_name?: { kind: string; value: string } | null;
  max_chain_depth?: number | null;
}

/** Every case of the subset. */
export const limboCases = (): LimboCase[] =>
  (JSON.parse(readFileSync(LIMBO_FILE, 'utf8')) as { testcases: LimboCase[] }).testcases;

/** The DER bytes of one PEM certificate. */
export const der = (pem: string) =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/**
 * A runner of `openssl verify` on cases at a given time, in its own temporary folder (remove() when
 * done): 0 for OK, else the first error number it prints. With `asTls` the case's purpose and
 * expected peer name are checked too (-purpose sslserver, -verify_hostname / -verify_ip).
 */
export function limboVerifier(opts: { asTls: boolean }) {
  const work = mkdtempSync(join(tmpdir(), 'ct-limbo-'));
  const verify = (t: LimboCase, at: Date): number => {
    const [roots, ints, leaf] = ['roots.pem', 'ints.pem', 'leaf.pem'].map((f) => join(work, f)) as [
      string,
      string,
      string,
    ];
    writeFileSync(roots, t.trusted_certs.join('\n'));
    writeFileSync(ints, t.untrusted_intermediates.join('\n'));
    writeFileSync(leaf, t.peer_certificate);
    const args = [
      'verify',
      '-no-CApath',
      '-CAfile',
      roots,
      '-attime',
      String(Math.floor(at.getTime() / 1000)),
    ];
    if (t.untrusted_intermediates.length) args.push('-untrusted', ints);
    if (opts.asTls) {
      if (t.extended_key_usage?.includes('serverAuth')) args.push('-purpose', 'sslserver');
      const name = t.expected_peer_name;
      if (name?.kind === 'DNS') args.push('-verify_hostname', name.value);
      if (name?.kind === 'IP') args.push('-verify_ip', name.value);
    }
    const r = spawnSync('openssl', [...args, leaf], { encoding: 'utf8' });
    if (r.status === 0) return 0;
    const m = `${r.stdout}${r.stderr}`.match(/error (\d+) at \d+ depth lookup/);
    return m ? Number(m[1]) : -1;
  };
  return { verify, remove: () => rmSync(work, { recursive: true, force: true }) };
}
