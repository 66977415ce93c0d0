import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOid, hex, integerProblem } from '../../src/pki/der.js';

/** X.690 §8.19 written out plainly: the reference the engine's one-pass decoder must match. */
function encodeOid(arcs: number[]): Uint8Array {
  const sub = [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)];
  const out: number[] = [];
  for (const v of sub) {
    const groups = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) groups.unshift((x & 0x7f) | 0x80);
    out.push(...groups);
  }
  return new Uint8Array(out);
}

describe('decodeOid', () => {
  it('turns any encoded OID back into its dotted arcs', () => {
    const oid = fc
      .tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 }), { maxLength: 10 }),
      )
      .chain(([first, rest]) =>
        fc.integer({ min: 0, max: first < 2 ? 39 : 2 ** 20 }).map((second) => [first, second, ...rest]),
      );
    fc.assert(
      fc.property(oid, (arcs) => {
        expect(decodeOid(encodeOid(arcs))).toBe(arcs.join('.'));
      }),
      { numRuns: 500 },
    );
    expect(decodeOid(new Uint8Array([0x55, 0x1d, 0x25]))).toBe('2.5.29.37');
    expect(decodeOid(new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]))).toBe(
      '1.2.840.113549.1.1.11',
    );
  });

  it('refuses an empty, truncated or 0x80-padded OID', () => {
    expect(() => decodeOid(new Uint8Array([]))).toThrow(/empty OID/);
    expect(() => decodeOid(new Uint8Array([0x55, 0x86]))).toThrow(/truncated OID/);
    expect(() => decodeOid(new Uint8Array([0x55, 0x80, 0x01]))).toThrow(/leading 0x80/);
  });
});

describe('hex', () => {
  it('is upper-case hex, two digits a byte, with the separator between bytes only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('', ':', ' '), (bytes, sep) => {
        const expected = Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(sep);
        expect(hex(bytes, sep)).toBe(expected);
      }),
    );
    expect(hex(new Uint8Array([0x00, 0x0a, 0xff]), ':')).toBe('00:0A:FF');
  });
});

describe('integerProblem (X.690 §8.3.2, as OpenSSL c2i_ibuf refuses)', () => {
  it('finds empty content and redundant leading bytes, and accepts minimal encodings', () => {
    const cases: [number[], 'empty' | 'padding' | null][] = [
      [[], 'empty'],
      [[0x00], null], // 0
      [[0x7f], null], // 127
      [[0x00, 0x80], null], // 128 needs the 0x00
      [[0x00, 0x7f], 'padding'], // 127 with a useless 0x00
      [[0xff], null], // -1
      [[0xff, 0x7f], null], // -129 needs the 0xFF
      [[0xff, 0x80], 'padding'], // -128 with a useless 0xFF
    ];
    for (const [bytes, want] of cases)
      expect(integerProblem(new Uint8Array(bytes)), bytes.join(',')).toBe(want);
  });
});
