import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../src/pki/index.js';
import { MAX_PEM_BLOCKS, pemBlocks, scanPem } from '../../src/pki/pem.js';

/**
 * The reference the linear scanner must agree with: the lazy regex it replaced (quadratic on bad
 * input), with the label ending at the first "-----" as OpenSSL's PEM reader reads it.
 */
function regexSpans(text: string) {
  const re = /-----BEGIN ([A-Z0-9 #/]+(?:-[A-Z0-9 #/]+)*)-----([\s\S]*?)-----END \1-----/g;
  return [...text.matchAll(re)].map((m) => ({ label: m[1], offset: m.index, body: m[2] }));
}

const now = new Date('2026-11-26T12:00:00Z');

describe('scanPem: one linear pass over BEGIN/END markers', () => {
  it('finds the same blocks as the regex on texts made of markers, labels and noise', () => {
    const piece = fc.constantFrom(
      '-----BEGIN CERTIFICATE-----\n',
      '-----END CERTIFICATE-----\n',
      '-----BEGIN PRIVATE KEY-----\n',
      '-----END PRIVATE KEY-----\n',
      '-----BEGIN X-----',
      '-----END X-----',
      'QUJD\n',
      'noise -----\n',
      '-----BEGIN lower-----\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const got = scanPem(text).map((s) => ({
          label: s.label,
          offset: s.offset,
          body: text.slice(s.bodyStart, s.bodyEnd),
        }));
        expect(got).toEqual(regexSpans(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reads 40,000 BEGIN lines without an END in well under a second (was 31 s)', () => {
    const text = '-----BEGIN CERTIFICATE-----\nQUJD\n'.repeat(40_000);
    const t0 = performance.now();
    expect(pemBlocks(text)).toEqual([]);
    // A guard against the quadratic scan coming back, far above the few ms it takes.
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses more blocks than the cap with a typed one-line error that says what to do', async () => {
    const block = '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n';
    expect(scanPem(block.repeat(MAX_PEM_BLOCKS))).toHaveLength(MAX_PEM_BLOCKS);
    const r = await inspectBytes(new Uint8Array(Buffer.from(block.repeat(MAX_PEM_BLOCKS + 1))), {
      path: 'many.pem',
      now,
    });
    expect(r.errorCode).toBe('too-many-blocks');
    expect(r.error).toBe(
      'more than 10,000 PEM blocks; cert-tutor reads at most that many from one file (split it)',
    );
  });
});
