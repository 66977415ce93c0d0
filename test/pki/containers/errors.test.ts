import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContainerBytes } from '../../../src/pki/containers/index.js';
import { opensslDir } from './openssl.js';

// Broken and unusual PFX files: each must give one typed error, never an exception.
const modern = new Uint8Array(
  readFileSync(join(process.cwd(), 'fixtures', 'containers', 'client-modern.pfx')),
);
const o = opensslDir();

beforeAll(() => {
  o.sh('req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -subj /CN=rc4 -days 3');
  o.sh(
    'pkcs12 -export -legacy -in c.pem -inkey k.pem -keypbe PBE-SHA1-RC4-128 -certpbe PBE-SHA1-RC4-128 -passout pass:pw -out rc4.p12',
  );
  o.sh('pkcs12 -export -in c.pem -inkey k.pem -nomac -passout pass:pw -out nomac.p12');
});
afterAll(() => o.remove());

const read = (bytes: Uint8Array, password?: string, path = 'x.pfx') =>
  readContainerBytes(bytes, { path, ...(password !== undefined && { password }) });

describe('PFX problems, each a typed error', () => {
  it('a wrong password is "wrong password", not a damaged file', async () => {
    const r = await read(modern, 'not-the-password');
    expect(r?.error).toEqual({ code: 'wrong-password', message: 'wrong password (try --password)' });
    expect(r?.certificates).toEqual([]);
  });

  it('a truncated PFX is a damaged file', async () => {
    const r = await read(modern.subarray(0, Math.floor(modern.length / 2)), 'cert-tutor');
    expect(r?.error?.code).toBe('corrupt');
    expect(r?.format).toBe('PKCS#12');
  });

  it('a PFX whose MAC was changed is an integrity failure when the password is right', async () => {
    const bad = new Uint8Array(modern);
    // The file ends with the MAC: digest (32 bytes), then OCTET STRING salt (2+8), INTEGER 2048 (4).
    const i = bad.length - 4 - 10 - 1;
    bad[i] = (bad[i] as number) ^ 0xff;
    const r = await read(bad, 'cert-tutor');
    expect(r?.error?.code).toBe('mac-failed');
    expect(r?.error?.message).toMatch(/^integrity check failed/);
  });

  it('a PFX whose MAC was changed is still a wrong password with the wrong password', async () => {
    const bad = new Uint8Array(modern);
    const i = bad.length - 15;
    bad[i] = (bad[i] as number) ^ 0xff;
    expect((await read(bad, 'nope'))?.error?.code).toBe('wrong-password');
  });

  it('an RC4-encrypted PFX names the unsupported algorithm', async () => {
    const r = await read(o.bytes('rc4.p12'), 'pw');
    expect(r?.error).toEqual({
      code: 'unsupported-algorithm',
      message: 'unsupported: pbeWithSHAAnd128BitRC4',
    });
  });

  it('a PFX without a MAC is read and said to have no integrity protection', async () => {
    const r = await read(o.bytes('nomac.p12'), 'pw');
    expect(r?.error).toBeUndefined();
    expect(r?.keys.length).toBe(1);
    expect(r?.notes.join('\n')).toContain('no MAC');
  });

  it('random bytes named .pfx are "not a valid PKCS#12 file"', async () => {
    const r = await read(new Uint8Array(randomBytes(600)), 'cert-tutor', 'random.pfx');
    expect(r?.format).toBe('PKCS#12');
    expect(r?.error).toEqual({ code: 'corrupt', message: 'damaged or not a valid PKCS#12 (PFX) file' });
  });

  it('an empty file named .p12 is a damaged file', async () => {
    expect((await read(new Uint8Array(0), undefined, 'e.p12'))?.error?.code).toBe('corrupt');
  });

  it('random bytes named .p7b are "not a valid PKCS#7 file"', async () => {
    const r = await read(new Uint8Array(randomBytes(300)), undefined, 'random.p7b');
    expect(r?.error?.code).toBe('corrupt');
  });
});
