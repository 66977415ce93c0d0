import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LabError, loadCredential, loadTrust, runMtls } from '../../src/labs/index.js';
import { fixture, makeLeaf, NOW, openssl, tempDir } from './helpers.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LabError);
    expect((err as Error).message).not.toMatch(/PRIVATE KEY|\n/);
    return (err as LabError).code;
  }
  return 'no error';
}

describe('loading what a lab presents', () => {
  let dir: string;
  let pfx: string;
  let leaf: { cert: string; key: string };
  beforeAll(() => {
    dir = tempDir();
    leaf = makeLeaf(dir, 'pfx-client', {
      subject: '/CN=PFX Client',
      ext: ['keyUsage=critical,digitalSignature', 'extendedKeyUsage=clientAuth'],
    });
    pfx = join(dir, 'client.pfx');
    openssl([
      'pkcs12',
      '-export',
      '-in',
      leaf.cert,
      '-inkey',
      leaf.key,
      '-passout',
      'pass:s3cret',
      '-out',
      pfx,
    ]);
  });

  it('says which file is missing', () => {
    expect(codeOf(() => loadCredential(join(dir, 'nope.pem')))).toBe('not-found');
  });

  it('refuses a key that belongs to another certificate', () => {
    expect(
      codeOf(() => loadCredential(fixture('leaf/client.pem'), { keyPath: fixture('leaf/server.key') })),
    ).toBe('key-mismatch');
  });

  it('refuses a PFX with the wrong password', () => {
    expect(codeOf(() => loadCredential(pfx, { password: 'wrong' }))).toBe('wrong-password');
  });

  it('presents a PFX made by openssl pkcs12, and the certificate inside is described', async () => {
    const r = await runMtls({
      now: NOW,
      presented: loadCredential(pfx, { password: 's3cret' }),
      source: pfx,
    });
    expect(r.outcome).toBe('accepted');
    expect(r.certificate?.subject).toBe('CN=PFX Client');
  });

  it('reads a DER certificate and a PEM file that carries no certificate as errors or certificates', () => {
    const der = join(dir, 'client.der');
    openssl(['x509', '-in', leaf.cert, '-outform', 'DER', '-out', der]);
    const loaded = loadCredential(der, { keyPath: leaf.key });
    expect(loaded.format).toBe('DER');
    expect(loaded.hasKey).toBe(true);
    expect(codeOf(() => loadCredential(leaf.key))).toBe('no-certificate');
    expect(codeOf(() => loadTrust(leaf.key))).toBe('no-certificate');
  });
});
