import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { buildChains } from '../../src/pki/index.js';

const file = join(packageRoot(), '../shared/corpus/x509-limbo/limbo-subset.json');
const work = mkdtempSync(join(tmpdir(), 'ct-limbo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface LimboCase {
  id: string;
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
}

/** The OpenSSL verify errors our chain links model: issuer missing or not taken, signature, dates, not a CA. */
const MODELLED = new Set([2, 7, 9, 10, 20, 79]);

const der = (pem: string) =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/** `openssl verify` on one case at its validation time: 0 for OK, else the error number. */
function opensslVerify(t: LimboCase, at: Date): number {
  const roots = join(work, 'roots.pem');
  const ints = join(work, 'ints.pem');
  const leaf = join(work, 'leaf.pem');
  writeFileSync(roots, t.trusted_certs.join('\n'));
  writeFileSync(ints, t.untrusted_intermediates.join('\n'));
  writeFileSync(leaf, t.peer_certificate);
  const args = ['verify', '-CAfile', roots, '-attime', String(Math.floor(at.getTime() / 1000))];
  if (t.untrusted_intermediates.length) args.push('-untrusted', ints);
  const r = spawnSync('openssl', [...args, leaf], { encoding: 'utf8' });
  if (r.status === 0) return 0;
  const m = `${r.stdout}${r.stderr}`.match(/error (\d+) at \d+ depth lookup/);
  return m ? Number(m[1]) : -1;
}

describe('chains of the x509-limbo cases agree with openssl verify where our links model the check', () => {
  it('finds no problem where OpenSSL verifies, and flags every failure of a kind we check', async () => {
    expect(existsSync(file)).toBe(true);
    const cases = (JSON.parse(readFileSync(file, 'utf8')) as { testcases: LimboCase[] }).testcases;
    const disagreements: string[] = [];
    let verified = 0;
    let failed = 0;
    for (const t of cases) {
      const at = t.validation_time ? new Date(t.validation_time) : new Date('2026-11-26T12:00:00Z');
      const expected = opensslVerify(t, at);
      if (expected !== 0 && !MODELLED.has(expected)) continue;
      const certs = [t.peer_certificate, ...t.untrusted_intermediates, ...t.trusted_certs].map(der);
      const chain = (await buildChains(certs, at)).find((c) => c.order[0] === 0);
      const clean = chain?.complete === true && chain.links.every((l) => l.problems.length === 0);
      if (expected === 0) verified++;
      else failed++;
      if (clean !== (expected === 0)) {
        const said = chain ? chain.links.flatMap((l) => l.problems).join('; ') || 'no problem' : 'no chain';
        disagreements.push(`${t.id}: openssl ${expected === 0 ? 'OK' : `error ${expected}`}, ours: ${said}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(verified).toBeGreaterThan(80);
    expect(failed).toBeGreaterThan(20);
  }, 300_000);
});
