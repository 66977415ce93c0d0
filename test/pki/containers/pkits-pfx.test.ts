import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../src/pki/index.js';
import { mapLimit } from '../oracle-corpus.js';
import { pemDers } from './openssl.js';

// NIST PKITS as shipped by Debian's python3-cryptography-vectors (.ci/run installs it): 405 .p12
// files (password "password"), each beside the .crt of the same name. Made by another producer
// than our fixtures: 3DES-encrypted bags, SHA-1 MAC, 2048 iterations.
const PKITS = '/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data';
const now = new Date('2026-11-26T12:00:00Z');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const plainHex = (s: string) => s.replace(/[^0-9a-f]/gi, '').toLowerCase();

describe('the NIST PKITS PKCS#12 files (python3-cryptography-vectors)', () => {
  it('reads all 405 with their password: the certificate openssl finds, equal to the .crt beside it, and its key', async () => {
    expect(existsSync(PKITS)).toBe(true);
    const names = readdirSync(join(PKITS, 'pkcs12')).filter((f) => f.endsWith('.p12'));
    expect(names.length).toBe(405);
    const problems: string[] = [];
    await mapLimit(names, 2, async (name) => {
      const path = join(PKITS, 'pkcs12', name);
      const out = execFileSync(
        'openssl',
        ['pkcs12', '-in', path, '-passin', 'pass:password', '-nokeys', '-legacy'],
        { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const want = pemDers(out, 'CERTIFICATE').map(sha256);
      const crt = new Uint8Array(readFileSync(join(PKITS, 'certs', name.replace(/\.p12$/, '.crt'))));
      const r = await inspectBytes(new Uint8Array(readFileSync(path)), { path, now, password: 'password' });
      const got = r.certificates.map((c) => plainHex(c.sha256));
      if (r.error) problems.push(`${name}: ${r.error}`);
      else if (r.format !== 'PKCS#12') problems.push(`${name}: read as ${r.format}`);
      else if (got.join() !== want.join()) problems.push(`${name}: certificates ${got} but openssl ${want}`);
      else if (got[0] !== sha256(crt)) problems.push(`${name}: the certificate is not the .crt beside it`);
      else if (r.privateKeys.length !== 1 || r.privateKeys[0]?.matchesCertificate !== 0)
        problems.push(`${name}: expected one key matching the certificate`);
    });
    expect(problems).toEqual([]);
  }, 300_000);

  it('refuses a wrong password with a one-line typed error', async () => {
    const path = join(PKITS, 'pkcs12', 'AllCertificatesNoPoliciesTest2EE.p12');
    const r = await inspectBytes(new Uint8Array(readFileSync(path)), { path, now, password: 'wrong' });
    expect(r.errorCode).toBe('wrong-password');
    expect(r.error?.split('\n')).toHaveLength(1);
  });
});
