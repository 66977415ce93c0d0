import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKeyToCertificates, readContainerBytes } from '../../../src/pki/containers/index.js';
import { infoValues, opensslDir, pemDers } from './openssl.js';

// PFX files made by the openssl CLI at test time; openssl itself gives the expected contents.
const o = opensslDir();
const PW = 'test-pw';

beforeAll(() => {
  o.sh('req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj "/CN=Test CA" -days 30');
  o.sh('req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj /CN=leaf.test');
  o.sh('x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -set_serial 2 -out leaf.pem -days 30');
  o.run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.key');
  o.run('req', '-new', '-key', 'ec.key', '-out', 'ec.csr', '-subj', '/CN=ec.test');
  o.sh('x509 -req -in ec.csr -CA ca.pem -CAkey ca.key -set_serial 3 -out ec.pem -days 30');
  const exp = (out: string, ...extra: string[]) =>
    o.run(
      'pkcs12',
      '-export',
      '-in',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-certfile',
      'ca.pem',
      '-name',
      'Leaf Name',
      '-passout',
      `pass:${PW}`,
      '-out',
      out,
      ...extra,
    );
  exp('modern.p12');
  exp('legacy.p12', '-legacy');
  exp('keyex.p12', '-keyex', '-CSP', 'Microsoft Enhanced Cryptographic Provider v1.0');
  exp('keysig.p12', '-keysig');
  exp('win-3des.p12', '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
  o.run(
    'pkcs12',
    '-export',
    '-nokeys',
    '-in',
    'leaf.pem',
    '-certfile',
    'ca.pem',
    '-passout',
    `pass:${PW}`,
    '-out',
    'nokeys.p12',
  );
  o.sh('pkcs12 -export -in leaf.pem -inkey leaf.key -passout pass: -out empty.p12');
  o.run(
    'pkcs12',
    '-export',
    '-in',
    'ec.pem',
    '-inkey',
    'ec.key',
    '-name',
    'EC Key',
    '-passout',
    `pass:${PW}`,
    '-out',
    'ec.p12',
  );
});
afterAll(() => o.remove());

/** What openssl says is inside: certificates in file order, key count, friendlyName lines. */
function opensslView(file: string, pass: string, legacy: boolean) {
  const flags = ['-in', file, '-passin', `pass:${pass}`, ...(legacy ? ['-legacy'] : [])];
  const info = o.run('pkcs12', '-info', '-nodes', ...flags);
  return {
    certs: pemDers(o.run('pkcs12', '-nokeys', ...flags), 'CERTIFICATE'),
    keyCount: pemDers(info, 'PRIVATE KEY').length,
    friendlyNames: infoValues(info, 'friendlyName'),
    info,
  };
}

const cases = [
  { file: 'modern.p12', legacy: false, keySpec: 'not recorded', pass: PW, algorithm: 'RSA' },
  { file: 'legacy.p12', legacy: true, keySpec: 'not recorded', pass: PW, algorithm: 'RSA' },
  { file: 'keyex.p12', legacy: false, keySpec: 'AT_KEYEXCHANGE', pass: PW, algorithm: 'RSA' },
  { file: 'keysig.p12', legacy: false, keySpec: 'AT_SIGNATURE', pass: PW, algorithm: 'RSA' },
  { file: 'win-3des.p12', legacy: false, keySpec: 'not recorded', pass: PW, algorithm: 'RSA' },
  { file: 'nokeys.p12', legacy: false, keySpec: undefined, pass: PW, algorithm: undefined },
  { file: 'empty.p12', legacy: false, keySpec: 'not recorded', pass: '', algorithm: 'RSA' },
  { file: 'ec.p12', legacy: false, keySpec: 'not recorded', pass: PW, algorithm: 'EC' },
] as const;

describe('PKCS#12 files made by openssl pkcs12 -export', () => {
  for (const c of cases) {
    it(`reads every certificate, key and friendlyName of ${c.file} as openssl does`, async () => {
      const want = opensslView(c.file, c.pass, c.legacy);
      const r = await readContainerBytes(o.bytes(c.file), { path: c.file, password: c.pass || undefined });
      expect(r?.error).toBeUndefined();
      expect(r?.format).toBe('PKCS#12');
      expect(r?.certificates.map((x) => Buffer.from(x.der).toString('hex'))).toEqual(
        want.certs.map((d) => Buffer.from(d).toString('hex')),
      );
      expect(r?.keys.length).toBe(want.keyCount);
      const names = [
        ...(r?.certificates ?? []).map((x) => x.friendlyName),
        ...(r?.keys ?? []).map((k) => k.report.friendlyName),
      ];
      expect(names.filter((n) => n !== undefined).sort()).toEqual([...want.friendlyNames].sort());
      if (c.algorithm) {
        const key = r?.keys[0]?.report;
        expect(key?.algorithm).toBe(c.algorithm);
        expect(key?.size).toBe(c.algorithm === 'RSA' ? 2048 : 256);
        expect(key?.keySpec).toBe(c.keySpec);
        expect(key?.encrypted).toBe(true);
        // The key belongs to the certificate openssl lists first (the -in certificate).
        expect(matchKeyToCertificates(r?.keys ?? [], want.certs)).toEqual([0]);
      }
    });
  }

  it('reads the Microsoft CSP name written by -CSP and records the keyspec lesson', async () => {
    const r = await readContainerBytes(o.bytes('keyex.p12'), { path: 'keyex.p12', password: PW });
    expect(r?.keys[0]?.report.cspName).toBe('Microsoft Enhanced Cryptographic Provider v1.0');
    expect(r?.lesson).toBe('keyspec');
    expect(opensslView('keyex.p12', PW, false).info).toContain(
      'Microsoft CSP Name: Microsoft Enhanced Cryptographic Provider v1.0',
    );
  });

  it('opens an empty-password PFX when no password is given, and says it is unprotected', async () => {
    const r = await readContainerBytes(o.bytes('empty.p12'), { path: 'empty.p12' });
    expect(r?.error).toBeUndefined();
    expect(r?.keys.length).toBe(1);
    expect(r?.notes.join('\n')).toMatch(/empty password/);
  });

  it('without the password says the file carries a private key and how it is protected', async () => {
    const r = await readContainerBytes(o.bytes('modern.p12'), { path: 'modern.p12' });
    expect(r?.error?.code).toBe('password-required');
    expect(r?.certificates).toEqual([]);
    expect(r?.keys.map((k) => k.report.format)).toEqual(['PKCS#12 shrouded key bag']);
    expect(r?.keys[0]?.report.friendlyName).toBe('Leaf Name');
    const notes = r?.notes.join('\n') ?? '';
    expect(notes).toContain('SHA-256 MAC, 2048 iterations');
    expect(notes).toContain('AES-256-CBC with PBKDF2-HMAC-SHA256');
    expect(notes).toMatch(/algorithms: modern/);
  });

  it('without the password names the legacy algorithms of -legacy', async () => {
    const r = await readContainerBytes(o.bytes('legacy.p12'), { path: 'legacy.p12' });
    const notes = r?.notes.join('\n') ?? '';
    expect(notes).toContain('SHA-1 MAC');
    expect(notes).toContain('pbeWithSHAAnd40BitRC2-CBC');
    expect(notes).toContain('pbeWithSHAAnd3-KeyTripleDES-CBC');
    expect(notes).toMatch(/algorithms: legacy/);
  });

  it('without the password finds no key in a certificates-only PFX', async () => {
    const r = await readContainerBytes(o.bytes('nokeys.p12'), { path: 'nokeys.p12' });
    expect(r?.keys).toEqual([]);
  });
});
