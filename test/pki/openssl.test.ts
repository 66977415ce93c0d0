import { describe, expect, it } from 'vitest';
import { type OpenSslInput, opensslPurposes } from '../../src/pki/openssl.js';

/** Reference profiles of docs/pki-rules.md §2.6 (OpenSSL 3.0.19 runs), as "leaf / CA" per row pair. */
const base: OpenSslInput = {
  invalid: false,
  v1: false,
  selfSignedHeuristic: false,
  basicConstraints: null,
  keyUsage: null,
  eku: null,
  ekuCritical: false,
  nsCertType: null,
};
const DS = 0x80;
const KE = 0x20;
const CERT_SIGN = 0x04;
const CRL_SIGN = 0x02;
const SERVER = '1.3.6.1.5.5.7.3.1';
const CLIENT = '1.3.6.1.5.5.7.3.2';
const TSA = '1.3.6.1.5.5.7.3.8';
const ANY = '2.5.29.37.0';

const pairs = (x: OpenSslInput) => {
  const t = opensslPurposes(x).opensslText;
  const short = (s: string) =>
    s === 'Yes' ? 'Y' : s === 'No' ? 'N' : s.replace(/Yes \(WARNING code=(-?\d+)\)/, 'Y(W$1)');
  const row = (n: string) => `${short(t[n as keyof typeof t])} / ${short(t[`${n} CA` as keyof typeof t])}`;
  return [
    'SSL client',
    'SSL server',
    'Netscape SSL server',
    'S/MIME signing',
    'S/MIME encryption',
    'CRL signing',
    'OCSP helper',
    'Time Stamp signing',
  ].map(row);
};

const profiles: [string, OpenSslInput, string[]][] = [
  ['A: v3, no BC/KU/EKU', base, ['Y / N', 'Y / N', 'Y / N', 'Y / N', 'Y / N', 'Y / N', 'Y / N', 'N / N']],
  [
    'B: KU DS,KE; EKU serverAuth',
    { ...base, keyUsage: DS | KE, eku: [SERVER] },
    ['N / N', 'Y / N', 'Y / N', 'N / N', 'N / N', 'N / N', 'Y / N', 'N / N'],
  ],
  [
    'E: EKU anyExtendedKeyUsage only',
    { ...base, eku: [ANY] },
    ['N / N', 'N / N', 'N / N', 'N / N', 'N / N', 'Y / N', 'Y / N', 'N / N'],
  ],
  [
    'F: CA, KU certSign+cRLSign',
    { ...base, basicConstraints: { cA: true }, keyUsage: CERT_SIGN | CRL_SIGN },
    ['N / Y', 'N / Y', 'N / Y', 'N / Y', 'N / Y', 'Y / Y', 'Y / Y', 'N / Y'],
  ],
  [
    'G: F + EKU serverAuth',
    { ...base, basicConstraints: { cA: true }, keyUsage: CERT_SIGN | CRL_SIGN, eku: [SERVER] },
    ['N / N', 'N / Y', 'N / Y', 'N / N', 'N / N', 'Y / Y', 'Y / Y', 'N / Y'],
  ],
  [
    'H: KU KE only; EKU serverAuth',
    { ...base, keyUsage: KE, eku: [SERVER] },
    ['N / N', 'Y / N', 'Y / N', 'N / N', 'N / N', 'N / N', 'Y / N', 'N / N'],
  ],
  [
    'K: KU DS; EKU critical timeStamping',
    { ...base, keyUsage: DS, eku: [TSA], ekuCritical: true },
    ['N / N', 'N / N', 'N / N', 'N / N', 'N / N', 'N / N', 'Y / N', 'Y / N'],
  ],
  [
    'L: KU keyCertSign only, no BC',
    { ...base, keyUsage: CERT_SIGN },
    ['N / Y', 'N / Y', 'N / Y', 'N / Y(W4)', 'N / Y(W4)', 'N / Y(W4)', 'Y / Y(W4)', 'N / Y(W4)'],
  ],
  [
    'M: CA, KU DS only',
    { ...base, basicConstraints: { cA: true }, keyUsage: DS },
    ['Y / N', 'Y / N', 'N / N', 'Y / N', 'N / N', 'N / N', 'Y / N', 'N / N'],
  ],
  [
    'V1 self-signed',
    { ...base, v1: true, selfSignedHeuristic: true },
    ['Y / Y', 'Y / Y', 'Y / Y', 'Y / Y(W3)', 'Y / Y(W3)', 'Y / Y(W3)', 'Y / Y(W3)', 'N / Y(W3)'],
  ],
  [
    'nsCertType=client',
    { ...base, nsCertType: 0x80 },
    ['Y / N', 'N / N', 'N / N', 'Y(W2) / N', 'Y(W2) / N', 'Y / N', 'Y / N', 'N / N'],
  ],
  [
    'nsCertType=sslCA',
    { ...base, nsCertType: 0x04 },
    ['N / Y', 'N / Y', 'N / Y', 'N / N', 'N / N', 'Y / Y(W5)', 'Y / Y(W5)', 'N / Y(W5)'],
  ],
];

describe('OpenSSL 3.0 -purpose rows for the reference profiles of docs/pki-rules.md §2.6', () => {
  it.each(profiles)('gives the verified rows for profile %s', (_name, input, expected) => {
    expect(pairs(input)).toEqual(expected);
  });

  it('prints "Yes (WARNING code=-1)" on every row of an invalid certificate, like an empty keyUsage', () => {
    const t = opensslPurposes({ ...base, invalid: true, keyUsage: 0 });
    expect(new Set(Object.values(t.opensslText))).toEqual(new Set(['Yes (WARNING code=-1)']));
    expect(Object.values(t.openssl).every(Boolean)).toBe(true);
  });

  it('says "Any Purpose CA: Yes" even for an end entity', () => {
    expect(opensslPurposes({ ...base, basicConstraints: { cA: false } }).opensslText['Any Purpose CA']).toBe(
      'Yes',
    );
  });

  it('refuses time stamping when the EKU is not critical or lists another recognised purpose', () => {
    expect(opensslPurposes({ ...base, keyUsage: DS, eku: [TSA] }).opensslText['Time Stamp signing']).toBe(
      'No',
    );
    expect(
      opensslPurposes({ ...base, keyUsage: DS, eku: [TSA, CLIENT], ekuCritical: true }).opensslText[
        'Time Stamp signing'
      ],
    ).toBe('No');
    expect(
      opensslPurposes({ ...base, keyUsage: DS, eku: [TSA, '1.2.3.4'], ekuCritical: true }).opensslText[
        'Time Stamp signing'
      ],
    ).toBe('Yes');
  });
});
