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

/**
 * One `openssl verify` over many leaf files: each that verifies is "PATH: OK" on stdout; each that
 * does not has its error lines, then "error PATH: verification failed", on stderr. 0 for OK, else
 * the first error number printed for that file.
 */
function opensslVerifyAll(leaves: string[], roots: string, ints: string): Map<string, number> {
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
  const r = spawnSync('openssl', [...args, ...leaves], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = new Map<string, number>();
  for (const line of r.stdout.split('\n')) if (line.endsWith(': OK')) out.set(line.slice(0, -4), 0);
  let first: number | null = null;
  for (const line of r.stderr.split('\n')) {
    const e = line.match(/^error (\d+) at \d+ depth lookup/);
    if (e && first === null) first = Number(e[1]);
    const done = line.match(/^error (.+): verification failed$/);
    if (done) {
      out.set(done[1]!, first ?? -1);
      first = null;
    }
  }
  return out;
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
    const paths = ees.map((ee) => {
      const leafPath = join(work, `${ee}.pem`);
      writeFileSync(leafPath, pem(bytes.get(ee)!));
      return leafPath;
    });
    const verdicts = opensslVerifyAll(paths, roots, ints);
    const expected = paths.map((p) => verdicts.get(p));
    expect(expected.every((e) => e !== undefined)).toBe(true);
    for (const [k, ee] of ees.entries()) {
      const want = expected[k]!;
      codes[want] = (codes[want] ?? 0) + 1;
      const r = await verifyPath({ leaf: new Uint8Array(bytes.get(ee)!), untrusted, trusted, at: AT });
      const ours = r.error?.code ?? 0;
      if (ours !== want)
        disagreements.push(
          `${ee}: openssl ${want}, ours ${ours} ${r.checks.find((c) => !c.ok)?.message ?? ''}`,
        );
    }
    expect(disagreements).toEqual([]);
    expect(ees.length).toBeGreaterThan(150);
    expect(codes[0]).toBeGreaterThan(50);
    expect(Object.keys(codes).length).toBeGreaterThan(5);
  }, 120_000);
});
