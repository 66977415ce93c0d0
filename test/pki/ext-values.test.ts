import { describe, expect, it } from 'vitest';
import { decodeExtensionValue } from '../../src/pki/ext/index.js';

/** A tiny DER writer for hand-made extension values (lengths under 128 or two-byte). */
const len = (n: number) => (n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const tlv = (tag: number, body: number[]) => [tag, ...len(body.length), ...body];
const seq = (...parts: number[][]) => tlv(0x30, parts.flat());
const oid = (s: string) => {
  const [a, b, ...rest] = s.split('.').map(Number);
  const body = [a! * 40 + b!];
  for (const n of rest) {
    const bytes = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
    body.push(...bytes);
  }
  return tlv(0x06, body);
};
const int = (n: number) => tlv(0x02, [n]);
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const bmp = (s: string) => [...Buffer.from(s, 'utf16le').swap16()];
const decode = (o: string, bytes: number[]) => decodeExtensionValue(o, new Uint8Array(bytes));

describe('extension values decoded by hand-made DER', () => {
  it('TLS Feature with status_request is OCSP must-staple (RFC 7633)', () => {
    const d = decode('1.3.6.1.5.5.7.1.24', seq(int(5)));
    expect(d?.data).toEqual({ features: [5], names: ['status_request'], mustStaple: true });
    expect(decode('1.3.6.1.5.5.7.1.24', seq(int(17)))?.data.mustStaple).toBe(false);
  });

  it('Microsoft certificate template name (BMPString) and information (OID, version)', () => {
    expect(decode('1.3.6.1.4.1.311.20.2', tlv(0x1e, bmp('WebServer')))?.data).toEqual({ name: 'WebServer' });
    const info = decode('1.3.6.1.4.1.311.21.7', seq(oid('1.3.6.1.4.1.311.21.8.1.2.3'), int(100), int(4)));
    expect(info?.data).toEqual({
      template: '1.3.6.1.4.1.311.21.8.1.2.3',
      majorVersion: 100,
      minorVersion: 4,
    });
    expect(info?.lines).toEqual(['Template 1.3.6.1.4.1.311.21.8.1.2.3, version 100.4']);
  });

  it('Microsoft application policies name the usages like EKU', () => {
    const d = decode('1.3.6.1.4.1.311.21.10', seq(seq(oid('1.3.6.1.5.5.7.3.2')), seq(oid('1.2.3.4'))));
    expect(d?.lines).toEqual(['TLS Web Client Authentication (1.3.6.1.5.5.7.3.2)', '1.2.3.4']);
  });

  it('the SID extension gives the account SID', () => {
    const sid = 'S-1-5-21-1004336348-1177238915-682003330-512';
    const v = seq(tlv(0xa0, [...oid('1.3.6.1.4.1.311.25.2.1'), ...tlv(0xa0, tlv(0x04, ascii(sid)))]));
    expect(decode('1.3.6.1.4.1.311.25.2', v)?.data).toEqual({ sid });
  });

  it('an SCT list gives the count, each log id and time (RFC 6962 §3.3)', () => {
    const sct = [
      0,
      ...Array(32).fill(0xab),
      ...[0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x00],
      0,
      0,
      4,
      3,
      0,
      2,
      0xde,
      0xad,
    ];
    const list = [0, sct.length + 2, 0, sct.length, ...sct];
    const d = decode('1.3.6.1.4.1.11129.2.4.2', tlv(0x04, list));
    expect(d?.data.count).toBe(1);
    expect(d?.data.scts).toEqual([
      {
        version: 1,
        logId: Buffer.alloc(32, 0xab).toString('base64'),
        timestamp: new Date(0x018bcfe56800).toISOString(),
      },
    ]);
  });

  it('inhibitAnyPolicy, policyConstraints and policy mappings', () => {
    expect(decode('2.5.29.54', int(2))?.data).toEqual({ skipCerts: 2 });
    expect(decode('2.5.29.36', seq(tlv(0x80, [0]), tlv(0x81, [3])))?.data).toEqual({
      requireExplicitPolicy: 0,
      inhibitPolicyMapping: 3,
    });
    expect(decode('2.5.29.33', seq(seq(oid('1.2.3'), oid('1.2.4'))))?.lines).toEqual(['1.2.3 -> 1.2.4']);
  });

  it('certificate policies name the CA/Browser Forum policies and list CPS URIs', () => {
    const cps = seq(oid('1.3.6.1.5.5.7.2.1'), tlv(0x16, ascii('https://cps.example.test')));
    const d = decode('2.5.29.32', seq(seq(oid('2.23.140.1.2.1'), seq(cps))));
    expect(d?.lines).toEqual([
      'Policy: CA/B Domain Validated (DV) (2.23.140.1.2.1)',
      '  CPS: https://cps.example.test',
    ]);
  });

  it('a value that does not decode is said so, not thrown', () => {
    expect(decode('1.3.6.1.5.5.7.1.24', [0x04, 0x01, 0x00])?.lines[0]).toMatch(/^\(cannot be decoded/);
    expect(decode('1.3.6.1.4.1.11129.2.4.2', tlv(0x04, [0, 9, 0, 1])))?.toMatchObject({
      data: { error: expect.any(String) },
    });
    expect(decode('1.2.3.4', [0x05, 0x00])).toBeNull();
  });
});
