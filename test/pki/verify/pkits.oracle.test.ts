import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPath } from '../../../src/pki/verify/index.js';

/**
 * NIST PKITS (Debian's python3-cryptography-vectors): every end-entity certificate, with every
 * other certificate given as untrusted and the PKITS trust anchor as the only trusted one. No CRL
 * is given, so revocation is not checked by either side (nor policies: openssl verify's default).
 */
const dir = '/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data/certs';
const work = mkdtempSync(join(tmpdir(), 'ct-pkits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const AT = new Date('2026-11-26T12:00:00Z');

const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;

function opensslVerify(leaf: string, roots: string, ints: string): number {
  const args = [
    'verify',
    '-no-CApath',
    '-CAfile',
    roots,
    '-untrusted',
    ints,
    '-attime',
    String(AT.getTime() / 1000),
  ];
  const r = spawnSync('openssl', [...args, leaf], { encoding: 'utf8' });
  if (r.status === 0) return 0;
  const m = `${r.stdout}${r.stderr}`.match(/error (\d+) at \d+ depth lookup/);
  return m ? Number(m[1]) : -1;
}

describe.runIf(existsSync(dir))('verify agrees with openssl verify on the NIST PKITS certificates', () => {
  it('gives the same verdict and first error for every end-entity certificate', async () => {
    const names = readdirSync(dir).filter((n) => n.endsWith('.crt'));
    const anchorName = 'TrustAnchorRootCertificate.crt';
    const ees = names.filter((n) => n.endsWith('EE.crt'));
    const others = names.filter((n) => !n.endsWith('EE.crt') && n !== anchorName);
    const bytes = new Map(names.map((n) => [n, readFileSync(join(dir, n))]));
    const roots = join(work, 'roots.pem');
    const ints = join(work, 'ints.pem');
    writeFileSync(roots, pem(bytes.get(anchorName)!));
    writeFileSync(ints, others.map((n) => pem(bytes.get(n)!)).join(''));
    const untrusted = others.map((n) => new Uint8Array(bytes.get(n)!));
    const trusted = [new Uint8Array(bytes.get(anchorName)!)];
    const disagreements: string[] = [];
    const codes: Record<number, number> = {};
    for (const ee of ees) {
      const leafPath = join(work, 'leaf.pem');
      writeFileSync(leafPath, pem(bytes.get(ee)!));
      const expected = opensslVerify(leafPath, roots, ints);
      codes[expected] = (codes[expected] ?? 0) + 1;
      const r = await verifyPath({ leaf: new Uint8Array(bytes.get(ee)!), untrusted, trusted, at: AT });
      const ours = r.error?.code ?? 0;
      if (ours !== expected)
        disagreements.push(
          `${ee}: openssl ${expected}, ours ${ours} ${r.checks.find((c) => !c.ok)?.message ?? ''}`,
        );
    }
    expect(disagreements).toEqual([]);
    expect(ees.length).toBeGreaterThan(150);
    expect(codes[0]).toBeGreaterThan(50);
    expect(Object.keys(codes).length).toBeGreaterThan(5);
  }, 120_000);
});
