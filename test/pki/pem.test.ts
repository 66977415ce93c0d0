import { describe, expect, it } from 'vitest';
import { pemBlocks } from '../../src/pki/pem.js';

const body = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';
const block = (label: string, b = body) => `-----BEGIN ${label}-----\n${b}\n-----END ${label}-----\n`;

describe('PEM blocks (RFC 7468)', () => {
  it('finds every block and ignores the text around them, as in zlint files with an openssl -text dump', () => {
    const text = `Certificate:\n    Data: ...\n${block('CERTIFICATE')}some words\n${block('PRIVATE KEY')}trailer`;
    expect(pemBlocks(text).map((b) => [b.label, b.der?.length])).toEqual([
      ['CERTIFICATE', 33],
      ['PRIVATE KEY', 33],
    ]);
  });

  it('accepts CRLF line ends, a blank line right after BEGIN, and one long base64 line', () => {
    expect(pemBlocks(block('CERTIFICATE').replace(/\n/g, '\r\n'))[0]?.der?.length).toBe(33);
    expect(pemBlocks(block('CERTIFICATE', `\n${body}`))[0]?.der?.length).toBe(33);
  });

  it('refuses bad base64 and a blank line inside the data (OpenSSL 3.0 refuses both)', () => {
    expect(pemBlocks(block('CERTIFICATE', 'MIIB!!!'))[0]?.error).toMatch(/not valid base64/);
    expect(pemBlocks(block('CERTIFICATE', `${body.slice(0, 20)}\n\n${body.slice(20)}`))[0]?.error).toMatch(
      /blank line/,
    );
    expect(pemBlocks(block('CERTIFICATE', `${body}\n`))[0]?.error).toMatch(/blank line/);
  });

  it('skips RFC 1421 headers of a legacy encrypted key', () => {
    const b = pemBlocks(
      block('RSA PRIVATE KEY', `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233\n\n${body}`),
    );
    expect(b[0]?.der?.length).toBe(33);
  });
});
