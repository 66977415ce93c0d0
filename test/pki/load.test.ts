import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, packageRoot } from '../../src/paths.js';
import { inspectBytes, inspectFile } from '../../src/pki/index.js';

const now = new Date('2026-11-26T12:00:00Z');
const corpus = (p: string) => join(packageRoot(), '../shared/corpus', p);

describe('loading and format sniffing', () => {
  it('reads a DER certificate by its structure, whatever the file is called', async () => {
    const bytes = readFileSync(join(fixturesDir(), 'containers/server.cer'));
    const r = await inspectBytes(new Uint8Array(bytes), { path: 'server.txt', now });
    expect(r.format).toBe('DER');
    expect(r.certificates).toHaveLength(1);
  });

  it('hands BER (indefinite-length) PKCS#7 and PKCS#12 files to the container reader', async () => {
    const p7 = await inspectFile(corpus('boringssl/pkcs7/nss.p7c'), { now });
    expect(p7.format).toBe('PKCS#7');
    expect(p7.certificates).toHaveLength(3);
    const p12 = await inspectFile(corpus('boringssl/pkcs12/nss.p12'), { now, password: 'foo' });
    expect(p12.format).toBe('PKCS#12');
    expect(p12.error).toBeNull();
    expect(p12.hasPrivateKey).toBe(true);
  });

  it('reads a CRL PEM as a CRL, and a damaged one is a one-line CRL error', async () => {
    // SEQUENCE { INTEGER 1 }: a PEM "X509 CRL" block that is no CertificateList.
    const crl = '-----BEGIN X509 CRL-----\nMAMCAQE=\n-----END X509 CRL-----\n';
    const r = await inspectBytes(new TextEncoder().encode(crl), { path: 'list.crl', now });
    expect(r.format).toBe('CRL');
    expect(r.errorCode).toBe('bad-crl');
    expect(r.error).toMatch(/^not a valid CRL: /);
    expect(r.certificates).toEqual([]);
  });

  it('marks a PEM private key as present and keeps reading the certificates beside it', async () => {
    const text =
      readFileSync(join(fixturesDir(), 'leaf/server.pem'), 'latin1') +
      readFileSync(join(fixturesDir(), 'leaf/server.key'), 'latin1');
    const r = await inspectBytes(new TextEncoder().encode(text), { path: 'bundle.pem', now });
    expect(r.certificates).toHaveLength(1);
    expect(r.hasPrivateKey).toBe(true);
    expect(r.privateKeys[0]?.encrypted).toBe(false);
  });

  it('refuses bytes over the size limit without describing them', async () => {
    const r = await inspectBytes(new Uint8Array(10 * 1024 * 1024 + 1), { path: 'big', now });
    expect(r.errorCode).toBe('too-large');
  });

  it('says by exactly how much a file one byte over the limit is too large', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-big-'));
    try {
      const file = join(dir, 'big.pem');
      writeFileSync(file, Buffer.alloc(10_485_761, 0x41));
      const r = await inspectFile(file, { now });
      expect(r.errorCode).toBe('too-large');
      expect(r.error).toBe(
        'file is too large (10,485,761 bytes; the limit is 10,485,760), so it is not a certificate file',
      );
      writeFileSync(file, Buffer.alloc(10_485_760, 0x41)); // at the limit: read, and not a certificate
      expect((await inspectFile(file, { now })).errorCode).not.toBe('too-large');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
