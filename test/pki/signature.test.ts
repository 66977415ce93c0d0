import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { parseCertificate } from '../../src/pki/cert-parse.js';
import { pemBlocks } from '../../src/pki/pem.js';
import { checkSignedBy, signedBy } from '../../src/pki/signature.js';

/** Every certificate of the fixtures' PEM files under ca/, leaf/ and odd/ (RSA, EC, v1, odd cases). */
function fixtureDers(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const dir of ['ca', 'leaf', 'odd']) {
    for (const f of readdirSync(join(fixturesDir(), dir))
      .filter((n) => n.endsWith('.pem'))
      .sort()) {
      for (const b of pemBlocks(readFileSync(join(fixturesDir(), dir, f), 'latin1'))) {
        if (b.label === 'CERTIFICATE' && b.der) out.push(b.der);
      }
    }
  }
  return out;
}

/** OpenSSL's X509_verify through node's own X509Certificate: does `issuer`'s key verify `child`? */
function opensslVerifies(child: Uint8Array, issuer: Uint8Array): boolean {
  try {
    return new X509Certificate(Buffer.from(child)).verify(new X509Certificate(Buffer.from(issuer)).publicKey);
  } catch {
    return false;
  }
}

describe('signature checks', () => {
  const ders = fixtureDers();

  it('checkSignedBy (thread pool) gives OpenSSL X509_verify answer for every pair of fixture certificates', async () => {
    expect(ders.length).toBeGreaterThan(25);
    const certs = ders.map((d) => parseCertificate(d));
    const pairs = certs.flatMap((child, i) => certs.map((issuer, j) => ({ child, issuer, i, j })));
    const answers = await Promise.all(pairs.map((p) => checkSignedBy(p.child, p.issuer)));
    const wrong = pairs.filter((p, k) => answers[k] !== opensslVerifies(ders[p.i]!, ders[p.j]!));
    expect(wrong.map((p) => `${p.i} signed by ${p.j}`)).toEqual([]);
    expect(answers.filter(Boolean).length).toBeGreaterThan(ders.length / 2);
  });

  it('signedBy answers from what checkSignedBy found, and a fresh parse verifies again the same way', async () => {
    const certs = ders.map((d) => parseCertificate(d));
    const found = await Promise.all(certs.map((c) => checkSignedBy(c, c)));
    expect(certs.map((c) => signedBy(c, c))).toEqual(found);
    const fresh = ders.map((d) => new Uint8Array(d));
    expect(fresh.map((d) => parseCertificate(d)).map((c) => signedBy(c, c))).toEqual(found);
  });

  it('a self-signed root whose signature has one flipped bit no longer verifies, in the pool or not', async () => {
    const root = readFileSync(join(fixturesDir(), 'ca/root-ca-ec.pem'), 'latin1');
    const der = pemBlocks(root)[0]!.der!;
    expect(await checkSignedBy(parseCertificate(der), parseCertificate(der))).toBe(true);
    const tampered = new Uint8Array(der);
    tampered[tampered.length - 5] = tampered[tampered.length - 5]! ^ 0x01;
    const bad = parseCertificate(tampered);
    expect(await checkSignedBy(bad, bad)).toBe(false);
    const again = parseCertificate(new Uint8Array(tampered));
    expect(signedBy(again, again)).toBe(false);
  });
});
