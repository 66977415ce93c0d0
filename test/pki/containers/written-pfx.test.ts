import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { readContainerBytes } from '../../../src/pki/containers/index.js';
import { infoValues, pemDers } from './openssl.js';

// The PFX fixtures our generator wrote (scripts/fixtures/pfx.ts), checked by openssl and by Node's
// TLS stack, and read back against the hand-written manifest entries.
const fixtures = join(process.cwd(), 'fixtures');
const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8')) as {
  files: Record<
    string,
    {
      format: string;
      password?: string;
      hasPrivateKey: boolean;
      lesson: string;
      certificateFiles?: string[];
      privateKeys?: Record<string, unknown>[];
    }
  >;
};
const pfxFiles = Object.entries(manifest.files).filter(([, f]) => f.format === 'PKCS#12');
const isLegacy = (path: string) => path.includes('legacy');

function opensslInfo(path: string, password: string): string {
  const args = [
    'pkcs12',
    '-info',
    '-nodes',
    '-in',
    join(fixtures, path),
    '-passin',
    `pass:${password}`,
    ...(isLegacy(path) ? ['-legacy'] : []),
  ];
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the PFX files the fixture generator writes', () => {
  it('has the seven PKCS#12 fixtures in the manifest', () => {
    expect(pfxFiles.map(([p]) => p).sort()).toEqual(
      [
        'certs-only',
        'client-keyex',
        'client-keysig',
        'client-legacy',
        'client-modern',
        'empty-password',
        'server',
      ].map((n) => `containers/${n}.pfx`),
    );
  });

  for (const [path, entry] of pfxFiles) {
    const password = entry.password ?? '';
    it(`${path} is read by openssl pkcs12 -info with the KeySpec, CSP and friendlyName the manifest expects`, () => {
      const info = opensslInfo(path, password);
      const key = entry.privateKeys?.[0];
      expect(pemDers(info, 'PRIVATE KEY').length).toBe(entry.hasPrivateKey ? 1 : 0);
      expect(pemDers(info, 'CERTIFICATE').length).toBe(entry.certificateFiles?.length);
      const usage = infoValues(info, 'X509v3 Key Usage');
      const wantUsage = { AT_KEYEXCHANGE: ['10'], AT_SIGNATURE: ['80'], 'not recorded': [] }[
        String(key?.keySpec ?? 'not recorded')
      ];
      expect(usage).toEqual(wantUsage);
      if (key && !key.keySpec?.toString().startsWith('AT_'))
        expect(info).toContain('Key Attributes: <No Attributes>');
      expect(infoValues(info, 'Microsoft CSP Name')).toEqual(key?.cspName ? [key.cspName] : []);
      if (key?.friendlyName)
        expect(infoValues(info, 'friendlyName')).toEqual([key.friendlyName, key.friendlyName]);
    });

    it(`${path} reads back with our reader as the manifest says`, async () => {
      const r = await readContainerBytes(new Uint8Array(readFileSync(join(fixtures, path))), {
        path,
        ...(password && { password }),
      });
      expect(r?.error).toBeUndefined();
      const certs = (entry.certificateFiles ?? []).map(
        (f) => pemDers(readFileSync(join(fixtures, f), 'latin1'), 'CERTIFICATE')[0],
      );
      expect(r?.certificates.map((c) => Buffer.from(c.der).toString('hex'))).toEqual(
        certs.map((c) => Buffer.from(c ?? []).toString('hex')),
      );
      expect(r?.lesson).toBe(entry.lesson);
      const want = entry.privateKeys ?? [];
      expect(r?.keys.length).toBe(want.length);
      for (const [i, k] of want.entries()) {
        const got = r?.keys[i]?.report;
        expect(got).toMatchObject({
          algorithm: k.algorithm,
          size: k.size,
          keySpec: k.keySpec,
          encrypted: true,
        });
        expect(got?.friendlyName).toBe(k.friendlyName);
        expect(got?.cspName).toBe(k.cspName);
      }
    });
  }

  for (const [path, entry] of pfxFiles.filter(([p, f]) => f.hasPrivateKey && !isLegacy(p))) {
    it(`${path} loads into Node's TLS stack with its passphrase`, () => {
      const pfx = readFileSync(join(fixtures, path));
      expect(() => createSecureContext({ pfx, passphrase: entry.password ?? '' })).not.toThrow();
    });
  }
});
