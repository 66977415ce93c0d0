import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VerifyPurpose, verifyPath } from '../../../src/pki/verify/index.js';
import { CertMaker, type Made, opensslVerify } from './make-certs.js';

/**
 * Hierarchies made with openssl for each rule; the expected error ([code, depth] or 0) is written
 * by hand from RFC 5280 and OpenSSL's x509_vfy.c order, and both openssl verify and the validator
 * must give it.
 */
const dir = mkdtempSync(join(tmpdir(), 'ct-vcases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AT = new Date(Date.now() + 24 * 3600 * 1000);
const CA = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
const LEAF = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature'];

interface Case {
  name: string;
  leaf: () => Made;
  untrusted?: () => Made[];
  trusted?: () => Made[];
  at?: () => Date;
  purpose?: VerifyPurpose;
  host?: string;
  ip?: string;
  email?: string;
  expect: 0 | [number, number];
  /** What the failing check must say, or a warning that must be given. */
  says?: RegExp;
  warns?: RegExp;
}

let m: CertMaker;
let root: Made;
const made = new Map<string, Made>();
const get = (k: string) => made.get(k)!;

/** An intermediate under the root with these extra extensions, and a leaf under it. */
function pair(key: string, intExt: string[], leafSubject: string, leafExt: string[]) {
  const int = m.issued(`${key}-int`, `/CN=${key} CA`, root, [...CA, ...intExt], { days: 3000 });
  made.set(`${key}-int`, int);
  made.set(`${key}-leaf`, m.issued(`${key}-leaf`, leafSubject, int, [...LEAF, ...leafExt]));
}

beforeAll(() => {
  m = new CertMaker(dir);
  root = m.selfSigned('root', '/CN=Oracle Root', CA);
  made.set('other-root', m.selfSigned('other-root', '/CN=Other Root', CA));
  pair('plain', [], '/CN=www.example.test', [
    'subjectAltName=DNS:www.example.test,IP:10.0.0.1,email:a@example.test',
  ]);
  pair('dns', ['nameConstraints=critical,permitted;DNS:example.test'], '/CN=leaf', [
    'subjectAltName=DNS:www.evil.test',
  ]);
  pair('dnsok', ['nameConstraints=critical,permitted;DNS:example.test'], '/CN=leaf', [
    'subjectAltName=DNS:www.example.test',
  ]);
  pair('dnsx', ['nameConstraints=critical,excluded;DNS:bad.example.test'], '/CN=leaf', [
    'subjectAltName=DNS:x.bad.example.test',
  ]);
  pair('ip', ['nameConstraints=critical,permitted;IP:10.0.0.0/255.0.0.0'], '/CN=leaf', [
    'subjectAltName=IP:192.168.1.1',
  ]);
  pair('ipok', ['nameConstraints=critical,permitted;IP:10.0.0.0/255.0.0.0'], '/CN=leaf', [
    'subjectAltName=IP:10.1.2.3',
  ]);
  pair('email', ['nameConstraints=critical,permitted;email:.example.test'], '/CN=leaf', [
    'subjectAltName=email:a@evil.test',
  ]);
  pair(
    'dn',
    ['nameConstraints=critical,permitted;dirName:dn_sect', '[dn_sect]', 'O=Good'],
    '/O=Evil/CN=leaf',
    [],
  );
  pair(
    'dnok',
    ['nameConstraints=critical,permitted;dirName:dn_sect', '[dn_sect]', 'O=Good'],
    '/O=Good/CN=leaf',
    [],
  );
  pair('cn', ['nameConstraints=critical,permitted;DNS:example.test'], '/CN=www.evil.test', []);
  pair('cnplain', ['nameConstraints=critical,permitted;DNS:example.test'], '/CN=Not A Host Name', []);
  pair('uri', ['nameConstraints=critical,permitted;URI:.example.test'], '/CN=leaf', [
    'subjectAltName=URI:https://www.evil.test/x',
  ]);
  pair('crit', ['1.2.3.4=critical,ASN1:NULL'], '/CN=leaf', []);
  pair('notca', [], '/CN=leaf', []);
  made.set(
    'nocertsign-int',
    m.issued(
      'nocertsign-int',
      '/CN=No keyCertSign',
      root,
      ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,digitalSignature'],
      { days: 3000 },
    ),
  );
  made.set('nocertsign-leaf', m.issued('nocertsign-leaf', '/CN=leaf', get('nocertsign-int'), LEAF));
  const shortRoot = m.selfSigned('short-root', '/CN=Short Root', CA, 1);
  made.set('short-root', shortRoot);
  made.set(
    'short-root-int',
    m.issued('short-root-int', '/CN=Under Short Root', shortRoot, CA, { days: 300 }),
  );
  made.set(
    'short-root-leaf',
    m.issued('short-root-leaf', '/CN=leaf', get('short-root-int'), LEAF, { days: 100 }),
  );
  const notCa = m.issued('notca2-int', '/CN=Not A CA', root, ['basicConstraints=critical,CA:FALSE'], {
    days: 3000,
  });
  made.set('notca2-leaf', m.issued('notca2-leaf', '/CN=leaf', notCa, LEAF));
  made.set('notca2-int', notCa);
  // pathLenConstraint 0 on the first intermediate, then a second intermediate and a leaf.
  const p0 = m.issued(
    'p0-int',
    '/CN=PathLen0 CA',
    root,
    ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign'],
    { days: 3000 },
  );
  const p1 = m.issued('p1-int', '/CN=Below PathLen0', p0, CA, { days: 3000 });
  made.set('p0-int', p0);
  made.set('p1-int', p1);
  made.set('p-leaf', m.issued('p-leaf', '/CN=leaf', p1, LEAF));
  made.set('self-leaf', m.selfSigned('self-leaf', '/CN=self.example.test', LEAF));
  made.set(
    'explicit-leaf',
    m.issued('explicit-leaf', '/CN=explicit', get('plain-int'), LEAF, { explicit: true }),
  );
  made.set(
    'client-leaf',
    m.issued('client-leaf', '/CN=client', get('plain-int'), [...LEAF, 'extendedKeyUsage=clientAuth']),
  );
  made.set(
    'wild-leaf',
    m.issued('wild-leaf', '/CN=wild', get('plain-int'), [...LEAF, 'subjectAltName=DNS:*.example.test']),
  );
  made.set('weak-leaf', m.issued('weak-leaf', '/CN=weak', get('plain-int'), LEAF, { rsaBits: 768 }));
  made.set('sha1-leaf', m.issued('sha1-leaf', '/CN=sha1', get('plain-int'), LEAF, { sha1: true }));
  made.set('short-leaf', m.issued('short-leaf', '/CN=short', get('plain-int'), LEAF, { days: 1 }));
}, 60_000);

const chainOf = (k: string) => ({ leaf: () => get(`${k}-leaf`), untrusted: () => [get(`${k}-int`)] });

const CASES: Case[] = [
  { name: 'a plain chain to the trusted root verifies', ...chainOf('plain'), expect: 0 },
  {
    name: 'an intermediate whose keyUsage lacks keyCertSign is no CA: error 79',
    leaf: () => get('nocertsign-leaf'),
    untrusted: () => [get('nocertsign-int')],
    expect: [79, 1],
  },
  {
    name: 'an expired trust anchor: error 10 at its depth',
    leaf: () => get('short-root-leaf'),
    untrusted: () => [get('short-root-int')],
    trusted: () => [get('short-root')],
    at: () => new Date(Date.now() + 3 * 24 * 3600 * 1000),
    expect: [10, 2],
  },
  {
    name: 'an expired leaf for another host: the host check comes first (62)',
    leaf: () => get('short-leaf'),
    untrusted: () => [get('plain-int')],
    host: 'www.example.test',
    at: () => new Date(m.notAfter(get('short-leaf')).getTime() + 3600_000),
    expect: [62, 0],
  },
  {
    name: 'a DNS name outside the permitted subtree: error 47 at the leaf',
    ...chainOf('dns'),
    expect: [47, 0],
    says: /www\.evil\.test .*outside .*permitted DNS subtree example\.test/,
  },
  { name: 'a DNS name inside the permitted subtree verifies', ...chainOf('dnsok'), expect: 0 },
  { name: 'a DNS name inside an excluded subtree: error 48', ...chainOf('dnsx'), expect: [48, 0] },
  { name: 'an IP address outside the permitted range: error 47', ...chainOf('ip'), expect: [47, 0] },
  { name: 'an IP address inside the permitted range verifies', ...chainOf('ipok'), expect: 0 },
  { name: 'an e-mail address outside the permitted domain: error 47', ...chainOf('email'), expect: [47, 0] },
  { name: 'a subject outside the permitted directory name: error 47', ...chainOf('dn'), expect: [47, 0] },
  { name: 'a subject inside the permitted directory name verifies', ...chainOf('dnok'), expect: 0 },
  {
    name: 'a host-name CN (no DNS SAN) is checked against DNS constraints: error 47',
    ...chainOf('cn'),
    expect: [47, 0],
  },
  { name: 'a CN that is no host name is not checked', ...chainOf('cnplain'), expect: 0 },
  { name: 'a URI host outside the permitted subtree: error 47', ...chainOf('uri'), expect: [47, 0] },
  {
    name: 'an unknown critical extension in the intermediate: error 34 at depth 1',
    ...chainOf('crit'),
    expect: [34, 1],
  },
  {
    name: 'an intermediate with cA FALSE: error 79 at depth 1',
    leaf: () => get('notca2-leaf'),
    untrusted: () => [get('notca2-int')],
    expect: [79, 1],
  },
  {
    name: 'pathLenConstraint 0 with a CA below it: error 25 at depth 2',
    leaf: () => get('p-leaf'),
    untrusted: () => [get('p1-int'), get('p0-int')],
    expect: [25, 2],
  },
  { name: 'without the intermediate: error 20 at the leaf', leaf: () => get('plain-leaf'), expect: [20, 0] },
  {
    name: 'the intermediate as the only trusted certificate: error 2 at depth 1 (not self-signed)',
    leaf: () => get('plain-leaf'),
    trusted: () => [get('plain-int')],
    expect: [2, 1],
  },
  {
    name: 'the root sent but not trusted: error 19 at depth 2',
    leaf: () => get('plain-leaf'),
    untrusted: () => [get('plain-int'), root],
    trusted: () => [get('other-root')],
    expect: [19, 2],
    says: /self-signed but not in the trust store/,
  },
  { name: 'a self-signed leaf that is not trusted: error 18', leaf: () => get('self-leaf'), expect: [18, 0] },
  {
    name: 'a self-signed leaf that is trusted verifies',
    leaf: () => get('self-leaf'),
    trusted: () => [get('self-leaf')],
    expect: 0,
  },
  {
    name: 'an explicit-curve EC key: error 94 at the leaf',
    leaf: () => get('explicit-leaf'),
    untrusted: () => [get('plain-int')],
    expect: [94, 0],
  },
  {
    name: 'a TLS client certificate asked to serve: error 26',
    leaf: () => get('client-leaf'),
    untrusted: () => [get('plain-int')],
    purpose: 'sslserver',
    expect: [26, 0],
  },
  {
    name: 'the same certificate as a TLS client verifies',
    leaf: () => get('client-leaf'),
    untrusted: () => [get('plain-int')],
    purpose: 'sslclient',
    expect: 0,
  },
  { name: 'the host in the SAN matches', ...chainOf('plain'), host: 'WWW.example.test', expect: 0 },
  { name: 'another host: error 62', ...chainOf('plain'), host: 'mail.example.test', expect: [62, 0] },
  {
    name: 'a wildcard covers one label',
    leaf: () => get('wild-leaf'),
    untrusted: () => [get('plain-int')],
    host: 'a.example.test',
    expect: 0,
  },
  {
    name: 'a wildcard does not cover two labels: error 62',
    leaf: () => get('wild-leaf'),
    untrusted: () => [get('plain-int')],
    host: 'a.b.example.test',
    expect: [62, 0],
  },
  {
    name: 'a wildcard does not cover the bare domain: error 62',
    leaf: () => get('wild-leaf'),
    untrusted: () => [get('plain-int')],
    host: 'example.test',
    expect: [62, 0],
  },
  { name: 'the IP in the SAN matches', ...chainOf('plain'), ip: '10.0.0.1', expect: 0 },
  { name: 'another IP: error 64', ...chainOf('plain'), ip: '10.0.0.2', expect: [64, 0] },
  {
    name: 'the e-mail in the SAN matches (domain case-insensitive)',
    ...chainOf('plain'),
    email: 'a@EXAMPLE.test',
    expect: 0,
  },
  { name: 'another e-mail: error 63', ...chainOf('plain'), email: 'b@example.test', expect: [63, 0] },
  {
    name: 'one second before notAfter verifies',
    leaf: () => get('short-leaf'),
    untrusted: () => [get('plain-int')],
    at: () => new Date(m.notAfter(get('short-leaf')).getTime() - 1000),
    expect: 0,
  },
  {
    name: 'exactly at notAfter: error 10 (OpenSSL), though RFC 5280 reads it as valid',
    leaf: () => get('short-leaf'),
    untrusted: () => [get('plain-int')],
    at: () => m.notAfter(get('short-leaf')),
    expect: [10, 0],
    warns: /RFC 5280 §4\.1\.2\.5 still counts it valid/,
  },
];

describe('weak keys and SHA-1: openssl verify passes them, a TLS client at security level 1 does not', () => {
  it.each([
    ['weak-leaf', [66, 0], /RSA 768 bits .*error 66/],
    ['sha1-leaf', [68, 0], /SHA-1.*error 68/],
  ] as const)('%s', async (k, atLevel1, warning) => {
    const args = { leaf: get(k), trusted: [root], untrusted: [get('plain-int')], at: AT };
    expect(opensslVerify(m, args)).toBe(0);
    expect(opensslVerify(m, { ...args, authLevel: 1 })).toEqual(atLevel1);
    const r = await verifyPath({
      leaf: get(k).der,
      untrusted: [get('plain-int').der],
      trusted: [root.der],
      at: AT,
    });
    expect(r.valid).toBe(true);
    expect(r.warnings.join('\n')).toMatch(warning);
  });
});

describe('verify and openssl verify on hierarchies made for each rule', () => {
  it.each(CASES)('$name', async (c) => {
    const at = c.at?.() ?? AT;
    const trusted = c.trusted?.() ?? [root];
    const untrusted = c.untrusted?.() ?? [];
    const leaf = c.leaf();
    const id = {
      ...(c.host ? { host: c.host } : {}),
      ...(c.ip ? { ip: c.ip } : {}),
      ...(c.email ? { email: c.email } : {}),
    };
    expect(
      opensslVerify(m, { leaf, trusted, untrusted, at, ...id, ...(c.purpose ? { purpose: c.purpose } : {}) }),
    ).toEqual(c.expect);
    const r = await verifyPath({
      leaf: leaf.der,
      untrusted: untrusted.map((u) => u.der),
      trusted: trusted.map((t) => t.der),
      at,
      ...id,
      ...(c.purpose ? { purpose: c.purpose } : {}),
    });
    expect(r.error ? [r.error.code, r.error.depth] : 0).toEqual(c.expect);
    expect(r.valid).toBe(c.expect === 0);
    if (c.says) expect(r.checks.find((k) => !k.ok)?.message).toMatch(c.says);
    if (c.warns) expect(r.warnings.join('\n')).toMatch(c.warns);
    else expect(r.warnings).toEqual([]);
  });
});
