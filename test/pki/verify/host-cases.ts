/**
 * Certificate name patterns, a host asked for, and whether they match: written from RFC 6125 §6.4.3 /
 * RFC 9525 §6.3 as OpenSSL implements them (v3_utl.c valid_star, wildcard_match), and checked
 * against `openssl x509 -checkhost` in hostnames.oracle.test.ts.
 */
export const HOST_CASES: readonly (readonly [pattern: string, host: string, matches: boolean])[] = [
  ['www.example.test', 'WWW.Example.TEST', true],
  ['www.example.test', 'www.example.test.', false],
  ['*.example.test', 'a.example.test', true],
  ['*.example.test', 'a.b.example.test', false],
  ['*.example.test', 'example.test', false],
  ['*.test', 'a.test', false], // a wildcard needs two labels after it
  ['f*.example.test', 'foo.example.test', true], // OpenSSL accepts a partial first label
  ['*o.example.test', 'foo.example.test', true],
  ['f*o.example.test', 'foo.example.test', false], // no star in the middle of a label
  ['*.*.example.test', 'a.b.example.test', false],
  ['www.*.test', 'www.example.test', false], // only in the first label
  ['xn--*.example.test', 'xn--abc.example.test', false], // no wildcard in an IDNA label
  ['*.example.test', 'xn--abc.example.test', true], // a whole-label wildcard may match one
];
