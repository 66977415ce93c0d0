/**
 * The peer identity checks of `openssl verify -verify_hostname/-verify_email/-verify_ip`
 * (crypto/x509/v3_utl.c do_x509_check with flags 0): subjectAltName entries of the type first;
 * the subject's commonName (host) or emailAddress (e-mail) only when there is no entry of that
 * type; wildcards as RFC 6125 §6.4.3 and RFC 9525 §6.3 allow and OpenSSL implements them
 * (valid_star, wildcard_match).
 */
import type { ParsedCert } from '../cert-parse.js';
import { OID_CN, OID_EMAIL_ADDRESS, rawSubjectAltNames, subjectAttributes } from './general-name-raw.js';

const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function equalNoCase(a: string, b: string): boolean {
  return !a.includes('\u0000') && lower(a) === lower(b);
}

/** valid_star: the position of the one usable '*' in a pattern, or -1. */
function validStar(p: string): number {
  let star = -1;
  let atLabelStart = true;
  let hyphenEnd = false;
  let idna = false;
  let dots = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      const atEnd = i === p.length - 1 || p[i + 1] === '.';
      if (star >= 0 || idna || dots > 0) return -1;
      if (!atLabelStart && !atEnd) return -1;
      star = i;
      atLabelStart = false;
    } else if (/[A-Za-z0-9]/.test(c)) {
      if (atLabelStart && lower(p.slice(i, i + 4)) === 'xn--') idna = true;
      atLabelStart = false;
      hyphenEnd = false;
    } else if (c === '.') {
      if (atLabelStart || hyphenEnd) return -1;
      atLabelStart = true;
      dots++;
    } else if (c === '-') {
      if (atLabelStart) return -1;
      hyphenEnd = true;
    } else return -1;
  }
  if (atLabelStart || hyphenEnd || dots < 2) return -1;
  return star;
}

function wildcardMatch(prefix: string, suffix: string, subject: string): boolean {
  if (subject.length < prefix.length + suffix.length) return false;
  if (!equalNoCase(prefix, subject.slice(0, prefix.length))) return false;
  const wEnd = subject.length - suffix.length;
  if (!equalNoCase(subject.slice(wEnd), suffix)) return false;
  let allowIdna = false;
  if (prefix.length === 0 && suffix.startsWith('.')) {
    if (wEnd === prefix.length) return false;
    allowIdna = true;
  }
  if (!allowIdna && lower(subject.slice(0, 4)) === 'xn--') return false;
  const part = subject.slice(prefix.length, wEnd);
  if (part === '*') return true;
  return /^[A-Za-z0-9-]*$/.test(part);
}

/** equal_wildcard: a DNS name (or CN) pattern against the host asked for. */
export function hostMatches(pattern: string, host: string): boolean {
  const star = host.length > 1 && host.startsWith('.') ? -1 : validStar(pattern);
  if (star < 0) return equalNoCase(pattern, host);
  return wildcardMatch(pattern.slice(0, star), pattern.slice(star + 1), host);
}

/** equal_email: the local part exactly, the domain without regard to case. */
export function emailMatches(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = Math.max(a.lastIndexOf('@'), b.lastIndexOf('@'));
  if (at < 0) return a === b;
  return a.slice(0, at) === b.slice(0, at) && equalNoCase(a.slice(at), b.slice(at));
}

/** Parses an IPv4 or IPv6 address as OpenSSL's a2i_IPADDRESS does, or null. */
export function ipBytes(text: string): Uint8Array | null {
  const v4 = text.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const b = v4.slice(1).map(Number);
    return b.every((x) => x <= 255) ? new Uint8Array(b) : null;
  }
  if (!text.includes(':')) return null;
  let head = text;
  let tail4: number[] = [];
  const m = text.match(/^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (m) {
    const v = ipBytes(m[2]!);
    if (!v) return null;
    tail4 = [(v[0]! << 8) | v[1]!, (v[2]! << 8) | v[3]!];
    head = m[1]!.endsWith('::') ? m[1]! : m[1]!.slice(0, -1);
  }
  const parts = head.split('::');
  if (parts.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(parts[0]!);
  const right = parts.length === 2 ? groups(parts[1]!) : [];
  if (![...left, ...right].every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
  const fill = 8 - left.length - right.length - tail4.length;
  if (parts.length === 2 ? fill < 1 : fill !== 0) return null;
  const words = [
    ...left.map((g) => parseInt(g, 16)),
    ...Array(fill).fill(0),
    ...right.map((g) => parseInt(g, 16)),
    ...tail4,
  ];
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

export type IdentityKind = 'host' | 'email' | 'ip';

/** Whether the certificate is for this host, e-mail address or IP address, and which name matched. */
export function checkIdentity(
  cert: ParsedCert,
  kind: IdentityKind,
  value: string,
): { ok: boolean; matched?: string; looked: string[] } {
  const tag = kind === 'host' ? 2 : kind === 'email' ? 1 : 7;
  const sans = rawSubjectAltNames(cert).filter((g) => g.tag === tag);
  const ip = kind === 'ip' ? ipBytes(value) : null;
  const looked: string[] = [];
  for (const g of sans) {
    const shown = kind === 'ip' ? Array.from(g.bytes).join(g.bytes.length === 4 ? '.' : ',') : g.text;
    looked.push(`${kind === 'ip' ? 'IP' : kind === 'host' ? 'DNS' : 'email'}:${shown}`);
    let ok: boolean;
    if (kind === 'host') ok = hostMatches(g.text, value);
    else if (kind === 'email') ok = emailMatches(g.text, value);
    else ok = ip !== null && ip.length === g.bytes.length && ip.every((b, i) => b === g.bytes[i]);
    if (ok) return { ok, matched: looked[looked.length - 1]!, looked };
  }
  if (sans.length > 0 || kind === 'ip') return { ok: false, looked };
  const oid = kind === 'host' ? OID_CN : OID_EMAIL_ADDRESS;
  for (const a of subjectAttributes(cert).filter((x) => x.oid === oid)) {
    looked.push(`${kind === 'host' ? 'CN' : 'emailAddress'}=${a.value}`);
    const ok = kind === 'host' ? hostMatches(a.value, value) : emailMatches(a.value, value);
    if (ok) return { ok, matched: looked[looked.length - 1]!, looked };
  }
  return { ok: false, looked };
}
