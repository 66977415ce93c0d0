import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { inspectBytes } from '../../src/pki/index.js';
import { opensslSelfSigned } from '../openssl-req.js';

const now = new Date('2026-11-26T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'ct-other-purpose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed end-entity certificate made now by the openssl command line, with these extensions. */
function opensslCert(name: string, ...ext: string[]): Uint8Array {
  const path = join(dir, `${name}.pem`);
  opensslSelfSigned({
    key: join(dir, `${name}.key`),
    cert: path,
    subject: `/CN=${name}`,
    days: 3650,
    addext: ['basicConstraints=critical,CA:FALSE', ...ext],
  });
  return new Uint8Array(readFileSync(path));
}

async function kindOf(bytes: Uint8Array, password?: string) {
  const r = await inspectBytes(bytes, { path: 'x', now, ...(password ? { password } : {}) });
  expect(r.error).toBeNull();
  return r.certificates[0]!;
}

// fixtures/README.md kind rule 2: no purpose of the six, but the EKU names another one → other purpose.
describe('a certificate whose EKU names only purposes outside the six', () => {
  it('is "other purpose", not unusable, for a Windows EFS certificate exported by Windows (BoringSSL corpus)', async () => {
    const file = join(packageRoot(), '../shared/corpus/boringssl/pkcs12/windows.p12');
    const c = await kindOf(new Uint8Array(readFileSync(file)), 'foo');
    expect(c.kind).toBe('other purpose');
    expect(c.summary).toContain('Microsoft Encrypted File System (1.3.6.1.4.1.311.10.3.4)');
    expect(c.summary).not.toMatch(/no purpose is left/);
  });

  it('is "other purpose" for smart-card logon only, and the reasons name the EKU in words', async () => {
    const c = await kindOf(
      opensslCert('logon', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=msSmartcardLogin'),
    );
    expect(c.kind).toBe('other purpose');
    expect(c.purposeReasons.clientAuth).toContain('Microsoft Smartcard Login (1.3.6.1.4.1.311.20.2.2)');
  });

  it('stays "unusable" when KU and EKU agree on none of the six and the EKU names nothing else', async () => {
    const c = await kindOf(
      opensslCert('mismatch', 'keyUsage=critical,nonRepudiation', 'extendedKeyUsage=serverAuth'),
    );
    expect(c.kind).toBe('unusable');
  });

  it('is a client certificate when the EKU names clientAuth beside smart-card logon', async () => {
    const c = await kindOf(
      opensslCert(
        'both',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=clientAuth,msSmartcardLogin',
      ),
    );
    expect(c.kind).toBe('client');
  });
});
