import { childrenOf, content, decodeOid, integerProblem, isUniversal, readTlv, type Tlv } from './der.js';
import { PkiError } from './errors.js';
import { decodeGeneralNamesIn } from './general-names.js';
import { type ParsedName, parseName } from './names.js';
import type { KeyUsageBit } from './types.js';

/** Decoders for single extension values. Each throws PkiError('bad-extension') where OpenSSL 3.0's fails. */

function bad(what: string): never {
  throw new PkiError('bad-extension', what);
}

function top(value: Uint8Array, tag: number, what: string): Tlv {
  const t = readTlv(value, 0);
  if (!isUniversal(t, tag)) bad(`${what} has the wrong type`);
  return t;
}

/** INTEGER content, checked like OpenSSL (non-empty, minimal). Returns the number (negative allowed). */
function integer(buf: Uint8Array, t: Tlv): number {
  const c = content(buf, t);
  const problem = integerProblem(c);
  if (problem === 'empty') bad('empty INTEGER');
  if (problem === 'padding') bad('INTEGER with illegal padding');
  let v = c[0]! & 0x80 ? -1 : 0;
  for (const b of c.subarray(0, 7)) v = v * 256 + b;
  return v;
}

/** BIT STRING content bytes with unused bits cleared (OpenSSL's c2i_ASN1_BIT_STRING). */
export function bitStringBytes(buf: Uint8Array, t: Tlv): Uint8Array {
  if (t.constructed) bad('constructed BIT STRING');
  const c = content(buf, t);
  if (c.length < 1) bad('BIT STRING too short');
  const unused = c[0]!;
  if (unused > 7) bad('BIT STRING with more than 7 unused bits');
  const data = c.slice(1);
  if (data.length > 0) data[data.length - 1]! &= (0xff << unused) & 0xff;
  return data;
}

/** basicConstraints (RFC 5280 §4.2.1.9). */
export function decodeBasicConstraints(value: Uint8Array): { cA: boolean; pathLen?: number } {
  const t = top(value, 16, 'basicConstraints');
  const parts = childrenOf(value, t);
  let i = 0;
  let cA = false;
  if (isUniversal(parts[i], 1)) {
    const c = content(value, parts[i]!);
    if (c.length !== 1) bad('BOOLEAN of wrong length');
    cA = c[0] !== 0;
    i++;
  }
  let pathLen: number | undefined;
  if (isUniversal(parts[i], 2)) {
    pathLen = integer(value, parts[i]!);
    i++;
  }
  if (i !== parts.length) bad('basicConstraints has unexpected fields');
  return pathLen === undefined ? { cA } : { cA, pathLen };
}

/** The Key Usage bits in bit order (RFC 5280 §4.2.1.3). */
export const KU_NAMES: readonly KeyUsageBit[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/**
 * keyUsage (RFC 5280 §4.2.1.3). `mask` is OpenSSL's ex_kusage: first byte | second byte << 8,
 * so digitalSignature = 0x80 ... decipherOnly = 0x8000 (docs/pki-rules.md §1.2).
 */
export function decodeKeyUsage(value: Uint8Array): { mask: number; bits: KeyUsageBit[] } {
  const data = bitStringBytes(value, top(value, 3, 'keyUsage'));
  const mask = (data[0] ?? 0) | ((data[1] ?? 0) << 8);
  const bits = KU_NAMES.filter((_, i) => ((data[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
  return { mask, bits };
}

/** extKeyUsage (RFC 5280 §4.2.1.12): the KeyPurposeId OIDs in order. */
export function decodeExtKeyUsage(value: Uint8Array): string[] {
  const t = top(value, 16, 'extKeyUsage');
  return childrenOf(value, t).map((o) => {
    if (!isUniversal(o, 6)) bad('extKeyUsage holds a non-OID');
    return decodeOid(content(value, o));
  });
}

/** Netscape certificate type (2.16.840.1.113730.1.1): its first byte (SSL client 0x80 ...). */
export function decodeNsCertType(value: Uint8Array): number {
  return bitStringBytes(value, top(value, 3, 'nsCertType'))[0] ?? 0;
}

/** subjectKeyIdentifier: the key identifier bytes. */
export function decodeSubjectKeyId(value: Uint8Array): Uint8Array {
  const t = top(value, 4, 'subjectKeyIdentifier');
  if (t.constructed) bad('constructed OCTET STRING');
  return content(value, t);
}

/** authorityKeyIdentifier: keyIdentifier, first directoryName of authorityCertIssuer, serial. */
export function decodeAuthorityKeyId(value: Uint8Array): {
  keyId?: Uint8Array;
  issuer?: ParsedName;
  serial?: Uint8Array;
} {
  const t = top(value, 16, 'authorityKeyIdentifier');
  const out: { keyId?: Uint8Array; issuer?: ParsedName; serial?: Uint8Array } = {};
  let last = -1;
  for (const p of childrenOf(value, t)) {
    if (p.cls !== 2 || p.tag > 2 || p.tag <= last) bad('authorityKeyIdentifier has unexpected fields');
    last = p.tag;
    if (p.tag === 0) out.keyId = content(value, p);
    else if (p.tag === 1) {
      decodeGeneralNamesIn(value, p);
      const dir = childrenOf(value, p).find((g) => g.tag === 4);
      const inner = dir ? childrenOf(value, dir)[0] : undefined;
      if (inner) out.issuer = parseName(value, inner);
    } else {
      integer(value, p);
      out.serial = content(value, p);
    }
  }
  return out;
}

function generalSubtrees(buf: Uint8Array, t: Tlv): void {
  for (const st of childrenOf(buf, t)) {
    if (!isUniversal(st, 16)) bad('GeneralSubtree is not a SEQUENCE');
    const [base, ...rest] = childrenOf(buf, st);
    if (!base) bad('GeneralSubtree without base');
    decodeGeneralNamesIn(buf, { ...st, end: base.end });
    let last = -1;
    for (const r of rest) {
      if (r.cls !== 2 || r.tag > 1 || r.tag <= last) bad('bad GeneralSubtree bounds');
      last = r.tag;
      integer(buf, r);
    }
  }
}

/** nameConstraints (RFC 5280 §4.2.1.10): structure only. */
export function decodeNameConstraints(value: Uint8Array): void {
  const t = top(value, 16, 'nameConstraints');
  let last = -1;
  for (const p of childrenOf(value, t)) {
    if (p.cls !== 2 || p.tag > 1 || p.tag <= last || !p.constructed)
      bad('nameConstraints has unexpected fields');
    last = p.tag;
    generalSubtrees(value, p);
  }
}

/**
 * cRLDistributionPoints (RFC 5280 §4.2.1.13), plus OpenSSL's setup_dp rule: a DistributionPoint
 * with neither a distributionPoint nor a cRLIssuer makes the certificate invalid.
 */
export function decodeCrlDistributionPoints(value: Uint8Array): void {
  const t = top(value, 16, 'cRLDistributionPoints');
  for (const dp of childrenOf(value, t)) {
    if (!isUniversal(dp, 16)) bad('DistributionPoint is not a SEQUENCE');
    let last = -1;
    let hasName = false;
    let issuers = 0;
    for (const p of childrenOf(value, dp)) {
      if (p.cls !== 2 || p.tag > 2 || p.tag <= last) bad('DistributionPoint has unexpected fields');
      last = p.tag;
      if (p.tag === 0) {
        const [choice, extra] = childrenOf(value, p);
        if (!choice || extra || choice.cls !== 2 || choice.tag > 1) bad('bad distributionPoint name');
        if (choice.tag === 0) decodeGeneralNamesIn(value, choice);
        else if (childrenOf(value, choice).length === 0) bad('empty nameRelativeToCRLIssuer');
        hasName = true;
      } else if (p.tag === 1) bitStringBytes(value, p);
      else issuers = decodeGeneralNamesIn(value, p).length;
    }
    if (!hasName && issuers === 0) bad('a DistributionPoint has neither a name nor a cRLIssuer');
  }
}

/** proxyCertInfo (RFC 3820): structure only. */
export function decodeProxyCertInfo(value: Uint8Array): void {
  const t = top(value, 16, 'proxyCertInfo');
  const parts = childrenOf(value, t);
  let i = 0;
  if (isUniversal(parts[i], 2)) integer(value, parts[i++]!);
  const policy = parts[i];
  if (!isUniversal(policy, 16) || parts.length !== i + 1) bad('bad proxyCertInfo');
  const [lang] = childrenOf(value, policy);
  if (!isUniversal(lang, 6)) bad('bad proxy policy');
}
