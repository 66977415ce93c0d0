import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchKeyToCertificates, readContainerBytes } from '../../../src/pki/containers/index.js';
import { infoValues, pemDers } from './openssl.js';

// Real files made by OpenSSL, NSS and Windows (../shared/corpus/README.md gives the passwords).
const corpus = join(process.cwd(), '..', 'shared', 'corpus', 'boringssl');
const p12 = (name: string) => join(corpus, 'pkcs12', name);
const PASSWORDS: Record<string, string> = {
  'openssl.p12': 'foo',
  'nss.p12': 'foo',
  'windows.p12': 'foo',
  'pbes2_sha1.p12': 'foo',
  'pbes2_sha256.p12': 'foo',
  'no_encryption.p12': 'foo',
  'empty_password.p12': '',
  'empty_password_ber.p12': '',
  'null_password.p12': '',
  'unicode_password.p12': 'Hello, 世界',
};

/** openssl's view (the oracle): certificates, key count, friendlyName / CSP / KeySpec lines. */
function openssl(name: string, password: string) {
  const args = ['pkcs12', '-in', p12(name), '-passin', `pass:${password}`, '-legacy', '-nodes', '-info'];
  const info = execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    certs: pemDers(info, 'CERTIFICATE'),
    keys: pemDers(info, 'PRIVATE KEY'),
    friendlyNames: infoValues(info, 'friendlyName'),
    csp: infoValues(info, 'Microsoft CSP Name'),
    keyUsage: infoValues(info, 'X509v3 Key Usage'),
  };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('the BoringSSL PKCS#12 corpus', () => {
  for (const [name, password] of Object.entries(PASSWORDS)) {
    it(`reads ${name}: the certificates, keys, friendly names and KeySpec openssl finds`, async () => {
      const want = openssl(name, password);
      const r = await readContainerBytes(new Uint8Array(readFileSync(p12(name))), {
        path: name,
        ...(password && { password }),
      });
      expect(r?.error).toBeUndefined();
      expect(r?.certificates.map((c) => hex(c.der))).toEqual(want.certs.map(hex));
      expect(r?.keys.length).toBe(want.keys.length);
      const names = [
        ...(r?.certificates ?? []).map((c) => c.friendlyName),
        ...(r?.keys ?? []).map((k) => k.report.friendlyName),
      ];
      expect(names.filter((n) => n !== undefined).sort()).toEqual([...want.friendlyNames].sort());
      expect((r?.keys ?? []).flatMap((k) => (k.report.cspName ? [k.report.cspName] : []))).toEqual(want.csp);
      const keySpecs = (r?.keys ?? []).map((k) => k.report.keySpec);
      const expected = want.keys.map(() =>
        want.keyUsage[0] === '10'
          ? 'AT_KEYEXCHANGE'
          : want.keyUsage[0] === '80'
            ? 'AT_SIGNATURE'
            : 'not recorded',
      );
      expect(keySpecs).toEqual(expected);
      // Each key belongs to the certificate whose public key openssl's key matches.
      expect(matchKeyToCertificates(r?.keys ?? [], want.certs)).toEqual(want.keys.map(() => 0));
    });
  }

  it('reads windows.p12 as a Windows export: AT_KEYEXCHANGE and the CSP name', async () => {
    const r = await readContainerBytes(new Uint8Array(readFileSync(p12('windows.p12'))), {
      path: 'windows.p12',
      password: 'foo',
    });
    expect(r?.keys[0]?.report.keySpec).toBe('AT_KEYEXCHANGE');
    expect(r?.keys[0]?.report.cspName).toBe('Microsoft Enhanced Cryptographic Provider v1.0');
    expect(r?.lesson).toBe('keyspec');
  });

  it('gives a wrong password its own error, not a damaged-file error', async () => {
    const r = await readContainerBytes(new Uint8Array(readFileSync(p12('openssl.p12'))), {
      path: 'openssl.p12',
      password: 'bar',
    });
    expect(r?.error).toEqual({ code: 'wrong-password', message: 'wrong password (try --password)' });
  });

  for (const name of ['bad1.p12', 'bad2.p12', 'bad3.p12', 'empty_password_ber_nested.p12']) {
    it(`refuses ${name} with a typed damaged-file error`, async () => {
      const r = await readContainerBytes(new Uint8Array(readFileSync(p12(name))), {
        path: name,
        password: 'foo',
      });
      expect(r?.error?.code).toBe('corrupt');
      expect(r?.certificates).toEqual([]);
      expect(r?.keys).toEqual([]);
    });
  }
});

describe('the BoringSSL PKCS#7 corpus', () => {
  for (const name of ['nss.p7c', 'windows.p7c', 'openssl_crl.p7c', 'sign_sha256.p7s']) {
    it(`lists the certificates of ${name} that openssl pkcs7 -print_certs lists`, async () => {
      const file = join(corpus, 'pkcs7', name);
      const out = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', file, '-print_certs'], {
        encoding: 'utf8',
      });
      const r = await readContainerBytes(new Uint8Array(readFileSync(file)), { path: name });
      expect(r?.format).toBe('PKCS#7');
      expect(r?.error).toBeUndefined();
      expect(r?.certificates.map((c) => hex(c.der))).toEqual(pemDers(out, 'CERTIFICATE').map(hex));
      expect(r?.keys).toEqual([]);
    });
  }
});
