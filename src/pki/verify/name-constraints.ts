/**
 * Name constraints as OpenSSL 3.0 applies them (crypto/x509/v3_ncons.c: NAME_CONSTRAINTS_check,
 * NAME_CONSTRAINTS_check_CN, nc_match, nc_dns, nc_email, nc_uri, nc_ip, nc_dn), RFC 5280 §4.2.1.10.
 */
import type { ParsedCert } from '../cert-parse.js';
import { childrenOf, content, readTlv } from '../der.js';
import {
  OID_CN,
  OID_EMAIL_ADDRESS,
  type RawGeneralName,
  rawGeneralName,
  rawSubjectAltNames,
  subjectAttributes,
} from './general-name-raw.js';

export interface Subtree {
  base: RawGeneralName;
  /** minimum 0 and no maximum: the only form OpenSSL supports (nc_minmax_valid). */
  minMaxOk: boolean;
}

export interface NameConstraints {
  permitted: Subtree[];
  excluded: Subtree[];
}

const NC = '2.5.29.30';

function subtrees(buf: Uint8Array, t: ReturnType<typeof readTlv>): Subtree[] {
  return childrenOf(buf, t).map((st) => {
    const [base, ...rest] = childrenOf(buf, st);
    let minMaxOk = true;
    for (const r of rest) {
      if (r.tag === 1) minMaxOk = false;
      else if (r.tag === 0 && content(buf, r).some((b) => b !== 0)) minMaxOk = false;
    }
    return { base: rawGeneralName(buf, base!), minMaxOk };
  });
}

/** The certificate's nameConstraints, or null when it has none (or they do not decode). */
export function nameConstraintsOf(cert: ParsedCert): NameConstraints | null {
  const ext = cert.extensions.find((e) => e.oid === NC);
  if (!ext) return null;
  try {
    const out: NameConstraints = { permitted: [], excluded: [] };
    for (const p of childrenOf(ext.value, readTlv(ext.value, 0))) {
      if (p.tag === 0) out.permitted = subtrees(ext.value, p);
      else if (p.tag === 1) out.excluded = subtrees(ext.value, p);
    }
    return out;
  } catch {
    return null;
  }
}

/** A constraint failure: OpenSSL's error number and the name and subtree involved. */
export interface NcViolation {
  code: 47 | 48 | 49 | 51 | 53;
  name: string;
  nameType: string;
  subtree?: string;
}

const TYPE_NAMES = [
  'otherName',
  'e-mail',
  'DNS',
  'x400Address',
  'directory name',
  'ediPartyName',
  'URI',
  'IP',
];
const OK = 0;
const PERMITTED = 47;

const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const eqNoCase = (a: string, b: string) => lower(a) === lower(b);

function ncDns(dns: string, base: string): number {
  if (base.length === 0) return OK;
  if (dns.length < base.length) return PERMITTED;
  const tail = dns.slice(dns.length - base.length);
  if (dns.length > base.length && base[0] !== '.' && dns[dns.length - base.length - 1] !== '.')
    return PERMITTED;
  return eqNoCase(tail, base) ? OK : PERMITTED;
}

function ncEmail(eml: string, base: string): number {
  const baseAt = base.lastIndexOf('@');
  const emlAt = eml.lastIndexOf('@');
  if (emlAt < 0) return 53;
  if (baseAt < 0 && base.startsWith('.')) {
    return eml.length > base.length && eqNoCase(eml.slice(eml.length - base.length), base) ? OK : PERMITTED;
  }
  let host = base;
  if (baseAt >= 0) {
    if (baseAt > 0) {
      // the local part is compared case-sensitively
      if (baseAt !== emlAt || base.slice(0, baseAt) !== eml.slice(0, emlAt)) return PERMITTED;
    }
    host = base.slice(baseAt + 1);
  }
  return eqNoCase(host, eml.slice(emlAt + 1)) ? OK : PERMITTED;
}

function ncUri(uri: string, base: string): number {
  const colon = uri.indexOf(':');
  if (colon < 0 || uri.slice(colon + 1, colon + 3) !== '//') return 53;
  const rest = uri.slice(colon + 3);
  const end = rest.indexOf(':') >= 0 ? rest.indexOf(':') : rest.indexOf('/');
  const host = end >= 0 ? rest.slice(0, end) : rest;
  if (host.length === 0) return 53;
  if (base.startsWith('.')) {
    return host.length > base.length && eqNoCase(host.slice(host.length - base.length), base)
      ? OK
      : PERMITTED;
  }
  return eqNoCase(host, base) ? OK : PERMITTED;
}

function ncIp(ip: Uint8Array, base: Uint8Array): number {
  if (ip.length !== 4 && ip.length !== 16) return 53;
  if (base.length !== 8 && base.length !== 32) return 53;
  if (ip.length * 2 !== base.length) return PERMITTED;
  for (let i = 0; i < ip.length; i++) {
    const mask = base[ip.length + i]!;
    if ((ip[i]! & mask) !== (base[i]! & mask)) return PERMITTED;
  }
  return OK;
}

function ncDn(rdns: string[], base: string[]): number {
  if (base.length > rdns.length) return PERMITTED;
  return base.every((r, i) => rdns[i] === r) ? OK : PERMITTED;
}

function matchSingle(name: RawGeneralName, base: RawGeneralName): number {
  switch (name.tag) {
    case 4:
      return ncDn(name.rdns ?? [], base.rdns ?? []);
    case 2:
      return ncDns(name.text, base.text);
    case 1:
      return ncEmail(name.text, base.text);
    case 6:
      return ncUri(name.text, base.text);
    case 7:
      return ncIp(name.bytes, base.bytes);
    default:
      return 51;
  }
}

/** IPv4 and IPv6 addresses (and address/mask pairs) as text. */
export function ipText(b: Uint8Array): string {
  const one = (x: Uint8Array) =>
    x.length === 4
      ? Array.from(x).join('.')
      : Array.from({ length: x.length / 2 }, (_, i) => ((x[2 * i]! << 8) | x[2 * i + 1]!).toString(16)).join(
          ':',
        );
  if (b.length === 8 || b.length === 32)
    return `${one(b.subarray(0, b.length / 2))}/${one(b.subarray(b.length / 2))}`;
  return b.length === 4 || b.length === 16 ? one(b) : Array.from(b, (x) => x.toString(16)).join(':');
}

/** A name for messages. */
export function nameText(n: RawGeneralName, display?: string): string {
  if (display !== undefined) return display;
  if (n.tag === 7) return ipText(n.bytes);
  if (n.tag === 4) return n.dnText || '(empty name)';
  if (n.tag === 0) return `otherName ${n.otherOid ?? ''}`.trim();
  return n.text;
}

/** nc_match: permitted subtrees of the name's type (one must match), then excluded ones (none may). */
function ncMatch(name: RawGeneralName, nc: NameConstraints, display?: string): NcViolation | null {
  const v = (code: NcViolation['code'], base?: RawGeneralName): NcViolation => ({
    code,
    name: nameText(name, display),
    nameType: TYPE_NAMES[name.tag] ?? 'name',
    ...(base ? { subtree: nameText(base) } : {}),
  });
  const sameType = (s: Subtree) =>
    s.base.tag === name.tag && (name.tag !== 0 || s.base.otherOid === name.otherOid);
  let match = 0;
  const tried: RawGeneralName[] = [];
  for (const s of nc.permitted.filter(sameType)) {
    if (!s.minMaxOk) return v(49, s.base);
    if (match === 2) continue;
    match = 1;
    tried.push(s.base);
    const r = matchSingle(name, s.base);
    if (r === OK) match = 2;
    else if (r !== PERMITTED) return v(r as NcViolation['code'], s.base);
  }
  if (match === 1) {
    const out = v(47);
    out.subtree = tried.map((b) => nameText(b)).join(', ');
    return out;
  }
  for (const s of nc.excluded.filter(sameType)) {
    if (!s.minMaxOk) return v(49, s.base);
    const r = matchSingle(name, s.base);
    if (r === OK) return v(48, s.base);
    if (r !== PERMITTED) return v(r as NcViolation['code'], s.base);
  }
  return null;
}

const dirName = (cert: ParsedCert): RawGeneralName => ({
  tag: 4,
  bytes: new Uint8Array(0),
  text: '',
  rdns: cert.subject.canonical.split('\u0000').filter((r) => r !== ''),
  dnText: cert.subject.text,
});

const ia5 = (tag: number, text: string): RawGeneralName => ({
  tag,
  bytes: new Uint8Array(Buffer.from(text, 'latin1')),
  text,
});

/** NAME_CONSTRAINTS_check: the subject (when not empty), its emailAddress attributes, then each SAN entry. */
export function checkNameConstraints(cert: ParsedCert, nc: NameConstraints): NcViolation | null {
  const attrs = subjectAttributes(cert);
  if (attrs.length > 0) {
    const r = ncMatch(dirName(cert), nc, cert.subject.text);
    if (r) return r;
    for (const a of attrs.filter((x) => x.oid === OID_EMAIL_ADDRESS)) {
      if (a.tag !== 22) return { code: 53, name: a.value, nameType: 'e-mail' };
      const e = ncMatch(ia5(1, a.value), nc);
      if (e) return e;
    }
  }
  for (const g of rawSubjectAltNames(cert)) {
    const r = ncMatch(g, nc);
    if (r) return r;
  }
  return null;
}

/**
 * OpenSSL's cn2dnsid: a commonName is taken as a host name only when it looks like one (letters,
 * digits, '_', inner '-' and '.', at least two labels); otherwise it is ignored.
 */
export function cnAsDnsName(cn: string): string | null {
  if (cn.includes('\u0000')) return null;
  let isDns = false;
  for (let i = 0; i < cn.length; i++) {
    const c = cn[i]!;
    if (/[A-Za-z0-9_]/.test(c)) continue;
    if (i > 0 && i < cn.length - 1) {
      if (c === '-') continue;
      if (c === '.' && cn[i + 1] !== '.' && cn[i - 1] !== '-' && cn[i + 1] !== '-') {
        isDns = true;
        continue;
      }
    }
    isDns = false;
    break;
  }
  return isDns ? cn : null;
}

/** NAME_CONSTRAINTS_check_CN: each host-name-like commonName against the DNS subtrees. */
export function checkCommonNames(cert: ParsedCert, nc: NameConstraints): NcViolation | null {
  for (const a of subjectAttributes(cert).filter((x) => x.oid === OID_CN)) {
    if (a.value.includes('\u0000')) return { code: 53, name: a.value, nameType: 'commonName' };
    const dns = cnAsDnsName(a.value);
    if (!dns) continue;
    const r = ncMatch(ia5(2, dns), nc);
    if (r) return { ...r, nameType: 'commonName (as a DNS name)' };
  }
  return null;
}
