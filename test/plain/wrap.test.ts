import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/plain/wrap.js';

// A SHA-256 fingerprint as the engine prints it: 32 bytes, upper-case hex, colon-separated.
const sha256 =
  '9C:FF:74:A8:9E:1B:9D:02:96:26:78:30:2C:A0:3A:AA:42:BB:64:27:F8:2E:96:CC:D2:0E:4A:BF:55:40:E4:30';

describe('line-mode wrapping of fingerprints', () => {
  it('breaks a fingerprint only between bytes, within the width, at every width', () => {
    const line = `  SHA-256 thumbprint: ${sha256}`;
    for (let width = 20; width <= 140; width++) {
      const out = wrapText(line, width).split('\n');
      for (const l of out) {
        expect(l.length, `width ${width}: ${l}`).toBeLessThanOrEqual(width);
        for (const h of l.match(/(?<=^|\s)[0-9A-F:]{2,}(?=\s|$)/g) ?? [])
          expect(h, `width ${width}`).toMatch(/^([0-9A-F]{2}:)*[0-9A-F]{2}:?$/);
      }
      expect(out.join('').replace(/\s/g, '')).toContain(sha256);
    }
  });
});
