import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/paths.js';
import { verifyPath } from '../../../src/pki/verify/index.js';

const file = join(packageRoot(), '../shared/corpus/x509-limbo/limbo-subset.json');
const work = mkdtempSync(join(tmpdir(), 'ct-vlimbo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface LimboCase {
  id: string;
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  extended_key_usage: string[] | null;
  expected_peer_name: { kind: string; value: string } | null;
  max_chain_depth: number | null;
}

/** Differences from `openssl verify` that remain, each explained in README.md ("verify"). */
const DOCUMENTED: Record<string, string> = {};

const der = (pem: string) =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/** `openssl verify` on one case: 0 for OK, else the first error number it prints. */
function opensslVerify(t: LimboCase, at: Date): number {
  const roots = join(work, 'roots.pem');
  const ints = join(work, 'ints.pem');
  const leaf = join(work, 'leaf.pem');
  writeFileSync(roots, t.trusted_certs.join('\n'));
  writeFileSync(ints, t.untrusted_intermediates.join('\n'));
  writeFileSync(leaf, t.peer_certificate);
  const args = ['verify', '-no-CApath', '-CAfile', roots, '-attime', String(Math.floor(at.getTime() / 1000))];
  if (t.untrusted_intermediates.length) args.push('-untrusted', ints);
  if (t.extended_key_usage?.includes('serverAuth')) args.push('-purpose', 'sslserver');
  const name = t.expected_peer_name;
  if (name?.kind === 'DNS') args.push('-verify_hostname', name.value);
  if (name?.kind === 'IP') args.push('-verify_ip', name.value);
  const r = spawnSync('openssl', [...args, leaf], { encoding: 'utf8' });
  if (r.status === 0) return 0;
  const m = `${r.stdout}${r.stderr}`.match(/error (\d+) at \d+ depth lookup/);
  return m ? Number(m[1]) : -1;
}

describe('verify agrees with openssl verify on every x509-limbo case', () => {
  it('gives the same verdict and the same first error', async () => {
    expect(existsSync(file)).toBe(true);
    const cases = (JSON.parse(readFileSync(file, 'utf8')) as { testcases: LimboCase[] }).testcases;
    const disagreements: string[] = [];
    let ok = 0;
    let failed = 0;
    const codes: Record<number, number> = {};
    for (const t of cases) {
      const at = t.validation_time ? new Date(t.validation_time) : new Date('2026-11-26T12:00:00Z');
      const expected = opensslVerify(t, at);
      const name = t.expected_peer_name;
      let ours: number;
      let said = '';
      try {
        const r = await verifyPath({
          leaf: der(t.peer_certificate),
          untrusted: t.untrusted_intermediates.map(der),
          trusted: t.trusted_certs.map(der),
          at,
          ...(t.extended_key_usage?.includes('serverAuth') ? { purpose: 'sslserver' as const } : {}),
          ...(name?.kind === 'DNS' ? { host: name.value } : {}),
          ...(name?.kind === 'IP' ? { ip: name.value } : {}),
        });
        ours = r.error?.code ?? 0;
        said = r.checks.find((c) => !c.ok)?.message ?? '';
      } catch (e) {
        ours = -2;
        said = (e as Error).message;
      }
      codes[expected] = (codes[expected] ?? 0) + 1;
      if (expected === 0) ok++;
      else failed++;
      if (ours !== expected && DOCUMENTED[t.id] === undefined)
        disagreements.push(`${t.id}: openssl ${expected}, ours ${ours} ${said}`);
    }
    // the cases exercise many different errors, not one kind
    expect(Object.keys(codes).length).toBeGreaterThan(10);
    expect(disagreements).toEqual([]);
    expect(ok).toBeGreaterThan(60);
    expect(failed).toBeGreaterThan(30);
  }, 120_000);
});
