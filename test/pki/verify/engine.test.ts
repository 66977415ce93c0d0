import { describe, expect, it } from 'vitest';
import { verifyPath } from '../../../src/pki/verify/index.js';
import { fixtureDer } from '../../fixture-der.js';

const der = fixtureDer;
const AT = new Date('2026-11-26T12:00:00Z');

describe('verifyPath', () => {
  it('leaves out an unreadable untrusted certificate, with a warning, and still verifies', async () => {
    const r = await verifyPath({
      leaf: der('leaf/server.pem'),
      untrusted: [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), der('ca/intermediate-ca.pem')],
      trusted: [der('ca/root-ca.pem')],
      at: AT,
    });
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^untrusted certificate 1 cannot be read .*left out$/),
    ]);
    expect(r.chain.map((c) => c.source)).toEqual(['leaf', 'untrusted', 'trusted']);
  });

  it('does not take a root given as untrusted as a trust anchor (19), and names it', async () => {
    const r = await verifyPath({
      leaf: der('leaf/server.pem'),
      untrusted: [der('ca/intermediate-ca.pem'), der('ca/root-ca.pem')],
      trusted: [der('ca/other-root-ca.pem')],
      at: AT,
    });
    expect(r.error).toEqual({ code: 19, depth: 2, text: 'self-signed certificate in certificate chain' });
    expect(r.checks.find((c) => c.check === 'trust')?.message).toMatch(
      /Teaching Root CA.*, self-signed but not in the trust store/,
    );
  });

  it('refuses a leaf that is no certificate with a typed error', async () => {
    await expect(
      verifyPath({ leaf: new Uint8Array([1, 2, 3]), untrusted: [], trusted: [], at: AT }),
    ).rejects.toMatchObject({
      name: 'PkiError',
    });
  });
});
