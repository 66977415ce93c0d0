import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../src/pki/index.js';
import { opensslDir } from './openssl.js';

// PFX files whose MAC (PKCS#12 KDF) and PBKDF2 iteration counts sit at, just over and far over the
// caps (100,000 and 1,000,000). The hostile one asks for 8,388,607 of each: uncapped, hours of CPU.
const o = opensslDir();
const now = new Date();
const PW = 'pw';

/** Replaces every INTEGER 100001 (02 03 01 86 A1) with 8388607 (02 03 7F FF FF): same length. */
function patchIterations(der: Uint8Array): Uint8Array {
  const out = Buffer.from(der);
  const from = Buffer.from([2, 3, 0x01, 0x86, 0xa1]);
  let n = 0;
  for (let i = out.indexOf(from); i >= 0; i = out.indexOf(from, i + 5)) {
    out.set([2, 3, 0x7f, 0xff, 0xff], i);
    n++;
  }
  expect(n).toBeGreaterThanOrEqual(2);
  return out;
}

beforeAll(() => {
  o.run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k.pem');
  o.run('req', '-x509', '-key', 'k.pem', '-out', 'c.pem', '-subj', '/CN=iterations', '-days', '3');
  // OpenSSL 3 uses the -iter count for PBKDF2 and for the MAC.
  for (const n of ['100000', '100001'])
    o.run(
      'pkcs12',
      '-export',
      '-in',
      'c.pem',
      '-inkey',
      'k.pem',
      '-passout',
      `pass:${PW}`,
      '-iter',
      n,
      '-out',
      `${n}.pfx`,
    );
});
afterAll(() => o.remove());

const inspect = (bytes: Uint8Array, password?: string) =>
  inspectBytes(bytes, { path: 'x.pfx', now, ...(password !== undefined ? { password } : {}) });

describe('PKCS#12 iteration caps', () => {
  it('opens a PFX at the cap (100,000 iterations)', async () => {
    const r = await inspect(o.bytes('100000.pfx'), PW);
    expect(r.error).toBeNull();
    expect(r.certificates).toHaveLength(1);
  });

  it('refuses one iteration over the cap with a typed error naming the count and the cap', async () => {
    const r = await inspect(o.bytes('100001.pfx'), PW);
    expect(r.errorCode).toBe('iteration-count-too-high');
    expect(r.error).toContain('100,001 iterations');
    expect(r.error).toContain('more than 100,000');
  });

  it('refuses 8,388,607 iterations at once, with and without a password (was hours of CPU)', async () => {
    const hostile = patchIterations(o.bytes('100001.pfx'));
    for (const pw of [PW, undefined]) {
      const t0 = performance.now();
      const r = await inspect(hostile, pw);
      expect(r.errorCode).toBe('iteration-count-too-high');
      expect(r.error).toContain('8,388,607 iterations');
      // A guard far above the few milliseconds the refusal takes.
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});
