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

describe('line-mode wrapping keeps indentation', () => {
  it('a card line whose label is too long to hang under keeps its indent and hangs four columns in', () => {
    const line = '  Subject Alternative Name (2.5.29.17): DNS:www.example.test, DNS:example.test';
    expect(wrapText(line, 60).split('\n')).toEqual([
      '  Subject Alternative Name (2.5.29.17):',
      '      DNS:www.example.test, DNS:example.test',
    ]);
  });

  it('no wrapped line of indented text starts at column 0, at any width', () => {
    const line = `    serverAuth (1.3.6.1.5.5.7.3.1): OpenSSL "TLS Web Server Authentication", Windows "Server Authentication"`;
    for (let width = 20; width <= 110; width++)
      for (const l of wrapText(line, width).split('\n')) {
        expect(l, `width ${width}`).toMatch(/^ {4,}\S/);
        expect(l.length, `width ${width}`).toBeLessThanOrEqual(width);
      }
  });

  it('a short label still hangs its value under the value', () => {
    expect(wrapText('  Subject: CN=www.example.test, O=cert-tutor, C=US', 34).split('\n')).toEqual([
      '  Subject: CN=www.example.test,',
      '           O=cert-tutor, C=US',
    ]);
  });
});
