import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LabError, loadCredential, loadTrust, runMtls } from '../../src/labs/index.js';
import { fixture, makeLeaf, NOW, openssl, tempDir } from './helpers.js';

async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
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

  it('says which file is missing', async () => {
    expect(await codeOf(() => loadCredential(join(dir, 'nope.pem')))).toBe('not-found');
  });

  it('refuses a key that belongs to another certificate', async () => {
    expect(
      await codeOf(() => loadCredential(fixture('leaf/client.pem'), { keyPath: fixture('leaf/server.key') })),
    ).toBe('key-mismatch');
  });

  it('refuses a PFX with the wrong password', async () => {
    expect(await codeOf(() => loadCredential(pfx, { password: 'wrong' }))).toBe('wrong-password');
  });

  it('presents a PFX made by openssl pkcs12, and the certificate inside is described', async () => {
    const r = await runMtls({
      now: NOW,
      presented: await loadCredential(pfx, { password: 's3cret' }),
      source: pfx,
    });
    expect(r.outcome).toBe('accepted');
    expect(r.certificate?.subject).toBe('CN=PFX Client');
  });

  it('presents the certificate of a PFX that holds no private key, which the server never receives', async () => {
    const cred = await loadCredential(fixture('containers/certs-only.pfx'), { password: 'cert-tutor' });
    expect(cred.hasKey).toBe(false);
    const r = await runMtls({ now: NOW, presented: cred, source: 'containers/certs-only.pfx' });
    expect(r.outcome).toBe('refused');
    expect(r.alert?.name).toBe('certificate_required');
    expect(r.explanation[0]).toMatch(/private key/);
  });

  it('explains that a legacy RC2 PFX cannot be opened for a handshake', async () => {
    expect(
      await codeOf(() => loadCredential(fixture('containers/client-legacy.pfx'), { password: 'cert-tutor' })),
    ).toBe('legacy-pfx');
  });

  it('reads a DER certificate, and calls a PEM file without a certificate an error', async () => {
    const der = join(dir, 'client.der');
    openssl(['x509', '-in', leaf.cert, '-outform', 'DER', '-out', der]);
    const loaded = await loadCredential(der, { keyPath: leaf.key });
    expect(loaded.format).toBe('DER');
    expect(loaded.hasKey).toBe(true);
    expect(await codeOf(() => loadCredential(leaf.key))).toBe('no-certificate');
    expect(await codeOf(() => loadTrust(leaf.key))).toBe('no-certificate');
  });
});
