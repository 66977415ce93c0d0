import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChains } from '../../src/pki/index.js';
import { der, LIMBO_FILE, limboCases, limboVerifier } from './limbo.js';

const file = LIMBO_FILE;
const oracle = limboVerifier({ asTls: false });
const opensslVerify = oracle.verify;
afterAll(() => oracle.remove());

/** The OpenSSL verify errors our chain links model: issuer missing or not taken, signature, dates, not a CA. */
const MODELLED = new Set([2, 7, 9, 10, 20, 79]);

describe('chains of the x509-limbo cases agree with openssl verify where our links model the check', () => {
  it('finds no problem where OpenSSL verifies, and flags every failure of a kind we check', async () => {
    expect(existsSync(file)).toBe(true);
    const cases = limboCases();
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
