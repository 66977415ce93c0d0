import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContainer } from '../../../src/pki/containers/index.js';

// The loader's view of our PFX fixtures: each key explained in notes, matched to its certificate.
const pfx = (name: string) =>
  new Uint8Array(readFileSync(join(process.cwd(), 'fixtures', 'containers', name)));

describe('key notes the loader gets for a PFX', () => {
  const cases = [
    {
      file: 'client-keyex.pfx',
      says: [
        'KeySpec AT_KEYEXCHANGE (attribute 0x10',
        'Microsoft CSP name "Microsoft Enhanced RSA and AES Cryptographic Provider"',
      ],
    },
    { file: 'client-keysig.pfx', says: ['KeySpec AT_SIGNATURE (attribute 0x80', 'TLS client certificate'] },
    { file: 'client-modern.pfx', says: ['KeySpec not recorded', 'friendlyName "Alice Example"'] },
  ];
  for (const c of cases) {
    it(`explains the key of ${c.file} and names the certificate it belongs to`, async () => {
      const r = await readContainer({ kind: 'pkcs12', der: pfx(c.file), password: 'cert-tutor' });
      const notes = r.notes.join('\n');
      for (const s of c.says) expect(notes).toContain(s);
      expect(notes).toContain('key 1 belongs to certificate 1 (same public key)');
      expect(r.privateKeys[0]?.matchesCertificate).toBe(0);
      expect(r.error).toBeUndefined();
    });
  }

  it('keeps what is known and the typed error when the password is missing', async () => {
    const r = await readContainer({ kind: 'pkcs12', der: pfx('client-modern.pfx') });
    expect(r.error?.code).toBe('password-required');
    expect(r.privateKeys.length).toBe(1);
    expect(r.certificates).toEqual([]);
    expect(r.notes.join('\n')).not.toContain('belongs to certificate');
  });

  it('says a certificates-only PFX holds no key', async () => {
    const r = await readContainer({ kind: 'pkcs12', der: pfx('certs-only.pfx'), password: 'cert-tutor' });
    expect(r.privateKeys).toEqual([]);
    expect(r.certificates.length).toBe(3);
  });
});
