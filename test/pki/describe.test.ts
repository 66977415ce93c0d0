import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { serialHex, validityAt } from '../../src/pki/describe.js';
import { describeCertificate, PkiError } from '../../src/pki/index.js';

describe('describeCertificate details', () => {
  it('treats notBefore and notAfter as inclusive (RFC 5280 §4.1.2.5)', () => {
    const nb = new Date('2025-01-01T00:00:00Z');
    const na = new Date('2040-12-31T23:59:59Z');
    expect(validityAt(nb, na, nb)).toBe('valid');
    expect(validityAt(nb, na, new Date('2040-12-31T23:59:59.999Z'))).toBe('valid');
    expect(validityAt(nb, na, new Date('2041-01-01T00:00:00Z'))).toBe('expired');
    expect(validityAt(nb, na, new Date('2024-12-31T23:59:59Z'))).toBe('not yet valid');
  });

  it('drops the DER sign byte of a serial number but keeps other bytes', () => {
    expect(serialHex(Uint8Array.from([0x00, 0x82, 0x10]))).toBe('8210');
    expect(serialHex(Uint8Array.from([0x01, 0x00]))).toBe('0100');
    expect(serialHex(Uint8Array.from([0x00]))).toBe('00');
  });

  it('matches openssl on the serial and fingerprints of a fixture', async () => {
    const der = new Uint8Array(readFileSync(join(fixturesDir(), 'containers/server.cer')));
    const r = await describeCertificate(der, new Date('2026-11-26T12:00:00Z'));
    const { createHash } = await import('node:crypto');
    expect(r.sha256).toBe(
      createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':'),
    );
    expect(r.version).toBe(3);
    expect(r.extendedKeyUsage?.usages[0]).toMatchObject({
      oid: '1.3.6.1.5.5.7.3.1',
      name: 'serverAuth',
      openSslName: 'TLS Web Server Authentication',
      windowsName: 'Ensures the identity of a remote computer',
    });
  });

  it('throws a PkiError with a code for bytes that are not a certificate', async () => {
    await expect(
      describeCertificate(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01]), new Date()),
    ).rejects.toBeInstanceOf(PkiError);
  });
});
