import { describe, expect, it } from 'vitest';
import { emailMatches, hostMatches, ipBytes } from '../../../src/pki/verify/identity.js';
import { cnAsDnsName } from '../../../src/pki/verify/name-constraints.js';
import { HOST_CASES } from './host-cases.js';

// Expected answers from RFC 6125 §6.4.3 / RFC 9525 §6.3 as OpenSSL implements them (v3_utl.c:
// valid_star, wildcard_match, equal_email; v3_ncons.c: cn2dnsid).
describe('host names against a certificate name', () => {
  it.each(HOST_CASES)('%s for %s: %s', (pattern, host, ok) => {
    expect(hostMatches(pattern, host)).toBe(ok);
  });
});

describe('e-mail addresses', () => {
  it('compare the local part exactly and the domain without case', () => {
    expect(emailMatches('Alice@Example.test', 'Alice@example.TEST')).toBe(true);
    expect(emailMatches('Alice@example.test', 'alice@example.test')).toBe(false);
    expect(emailMatches('a@example.test', 'a@example.tes')).toBe(false);
  });
});

describe('IP addresses', () => {
  it('parse IPv4 and IPv6, and refuse what is not an address', () => {
    expect(Array.from(ipBytes('10.0.0.1')!)).toEqual([10, 0, 0, 1]);
    expect(Array.from(ipBytes('::1')!)).toEqual([...Array(15).fill(0), 1]);
    expect(Array.from(ipBytes('2001:db8::ff00:42:8329')!)).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42, 0x83, 0x29,
    ]);
    expect(Array.from(ipBytes('::ffff:192.0.2.1')!).slice(10)).toEqual([0xff, 0xff, 192, 0, 2, 1]);
    for (const bad of ['10.0.0.256', '10.0.0', '1::2::3', 'example.test', '12345::1', '1:2:3:4:5:6:7:8:9'])
      expect(ipBytes(bad), bad).toBeNull();
  });
});

describe('a commonName taken as a host name for name constraints', () => {
  it.each([
    ['www.example.test', true],
    ['EXAMPLE.test', true],
    ['localhost', false], // one label
    ['Not A Host Name', false],
    ['-a.example.test', false],
    ['a..example.test', false],
    ['a.-example.test', false],
    ['under_score.example.test', true],
  ] as const)('%s: %s', (cn, isHost) => {
    expect(cnAsDnsName(cn) !== null).toBe(isHost);
  });
});
