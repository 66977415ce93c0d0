import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPath } from '../../../src/pki/verify/index.js';
import { der, LIMBO_FILE, limboCases, limboVerifier } from '../limbo.js';

const file = LIMBO_FILE;
const oracle = limboVerifier({ asTls: true });
const opensslVerify = oracle.verify;
afterAll(() => oracle.remove());

/** Differences from `openssl verify` that remain, each explained in README.md ("verify"). */
const DOCUMENTED: Record<string, string> = {};

describe('verify agrees with openssl verify on every x509-limbo case', () => {
  it('gives the same verdict and the same first error', async () => {
    expect(existsSync(file)).toBe(true);
    const cases = limboCases();
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
