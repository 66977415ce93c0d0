import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAsn1String, latin1Text } from '../../src/pki/strings.js';

const whatwgLatin1 = new TextDecoder('latin1');

describe('latin1Text', () => {
  it('gives what TextDecoder("latin1") gives for every byte value, 0x80-0x9F included', () => {
    for (let b = 0; b < 256; b++) {
      const bytes = new Uint8Array([0x41, b, 0x7a]);
      expect(latin1Text(bytes)).toBe(whatwgLatin1.decode(bytes));
    }
  });

  it('gives what TextDecoder("latin1") gives for any bytes, short or past the ASCII fast path length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        expect(latin1Text(bytes)).toBe(whatwgLatin1.decode(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeAsn1String', () => {
  it('reads a UTF8String as strict UTF-8 whether or not it is all ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(decodeAsn1String(12, new TextEncoder().encode(s))).toBe(s);
      }),
      { numRuns: 300 },
    );
    expect(() => decodeAsn1String(12, new Uint8Array([0x61, 0xc3]))).toThrow(/invalid UTF-8/);
  });
});
