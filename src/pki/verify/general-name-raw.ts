import type { ParsedCert } from '../cert-parse.js';
import { childrenOf, content, decodeOid, isUniversal, readTlv, type Tlv } from '../der.js';
import { parseName } from '../names.js';
import { decodeAsn1String, latin1Text } from '../strings.js';

/** A GeneralName (RFC 5280 §4.2.1.6) as name matching needs it: its CHOICE tag and raw content. */
export interface RawGeneralName {
  /** 0 otherName, 1 rfc822Name, 2 dNSName, 3 x400Address, 4 directoryName, 5 ediPartyName, 6 URI, 7 iPAddress, 8 registeredID. */
  tag: number;
  bytes: Uint8Array;
  /** IA5 text for rfc822Name, dNSName and URI. */
  text: string;
  /** directoryName: the canonical form of each RDN (OpenSSL compares its canonical encoding). */
  rdns?: string[];
  /** directoryName: the name as text. */
  dnText?: string;
  /** otherName: its type-id. */
  otherOid?: string;
}

/** One GeneralName TLV, read without judging it (the extension decoder already did). */
export function rawGeneralName(buf: Uint8Array, t: Tlv): RawGeneralName {
  const bytes = content(buf, t);
  const out: RawGeneralName = { tag: t.tag, bytes, text: t.tag >= 1 && t.tag <= 6 ? latin1Text(bytes) : '' };
  if (t.tag === 4) {
    const inner = childrenOf(buf, t)[0];
    if (inner) {
      const n = parseName(buf, inner);
      out.rdns = n.canonical.split('\u0000').filter((r) => r !== '');
      out.dnText = n.text;
    }
  } else if (t.tag === 0) {
    const oidT = childrenOf(buf, t)[0];
    if (oidT && isUniversal(oidT, 6)) out.otherOid = decodeOid(content(buf, oidT));
  }
  return out;
}

const SAN = '2.5.29.17';

/** The subjectAltName entries of a certificate, raw; [] when there is none or it does not decode. */
export function rawSubjectAltNames(cert: ParsedCert): RawGeneralName[] {
  const ext = cert.extensions.find((e) => e.oid === SAN);
  if (!ext) return [];
  try {
    const t = readTlv(ext.value, 0);
    return childrenOf(ext.value, t).map((g) => rawGeneralName(ext.value, g));
  } catch {
    return [];
  }
}

/** One attribute of a Name, in certificate order. */
export interface NameAttribute {
  oid: string;
  /** Universal tag of the value (22 = IA5String). */
  tag: number;
  value: string;
}

/** The subject's attributes, walked from the tbsCertificate (issuer, validity, subject order). */
export function subjectAttributes(cert: ParsedCert): NameAttribute[] {
  const tbs = cert.tbs;
  const fields = childrenOf(tbs, readTlv(tbs, 0));
  const first = fields[0]?.cls === 2 && fields[0].tag === 0 ? 1 : 0;
  const subject = fields[first + 4];
  if (!subject) return [];
  const out: NameAttribute[] = [];
  for (const set of childrenOf(tbs, subject)) {
    for (const ava of childrenOf(tbs, set)) {
      const [oidT, valT] = childrenOf(tbs, ava);
      if (!oidT || !valT) continue;
      let value: string;
      try {
        value = decodeAsn1String(valT.tag, content(tbs, valT));
      } catch {
        value = latin1Text(content(tbs, valT));
      }
      out.push({ oid: decodeOid(content(tbs, oidT)), tag: valT.tag, value });
    }
  }
  return out;
}

export const OID_CN = '2.5.4.3';
export const OID_EMAIL_ADDRESS = '1.2.840.113549.1.9.1';
