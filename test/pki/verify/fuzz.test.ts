import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PkiError } from '../../../src/pki/errors.js';
import { decodeExtensionValue } from '../../../src/pki/ext/index.js';
import { verifyPath } from '../../../src/pki/verify/index.js';
import { fixtureDer } from '../../fixture-der.js';

const der = fixtureDer;
const leaf = der('leaf/server.pem');
const inter = der('ca/intermediate-ca.pem');
const root = der('ca/root-ca.pem');
const AT = new Date('2026-11-26T12:00:00Z');

function flip(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const b = Uint8Array.from(bytes);
  b[at % b.length] = value;
  return b;
}

describe('hostile input to the validator', () => {
  it('a changed byte anywhere in the chain gives a verdict or a PkiError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.nat(), fc.integer({ min: 0, max: 255 }), async (which, at, value) => {
        const certs: Uint8Array[] = [leaf, inter, root];
        certs[which] = flip(certs[which]!, at, value);
        try {
          const r = await verifyPath({
            leaf: certs[0]!,
            untrusted: [certs[1]!],
            trusted: [certs[2]!],
            at: AT,
            host: 'www.example.test',
          });
          expect(typeof r.valid).toBe('boolean');
          if (!r.valid) expect(r.error?.text.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(PkiError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('extension decoders never throw on random bytes', () => {
    const oids = [
      '1.3.6.1.5.5.7.1.1',
      '2.5.29.31',
      '2.5.29.32',
      '2.5.29.30',
      '2.5.29.35',
      '1.3.6.1.4.1.11129.2.4.2',
      '1.3.6.1.5.5.7.1.24',
      '1.3.6.1.4.1.311.21.7',
      '1.3.6.1.4.1.311.25.2',
      '2.5.29.36',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...oids), fc.uint8Array({ maxLength: 200 }), (oid, bytes) => {
        const d = decodeExtensionValue(oid, bytes);
        expect(Array.isArray(d?.lines)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
