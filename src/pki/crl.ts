/**
 * Certificate revocation lists (RFC 5280 §5): the issuer, thisUpdate and nextUpdate, the revoked
 * serial numbers with their dates and reasons, the CRL extensions, whether the issuer's key signed
 * it, and whether a given certificate is on it. Read with the engine's own DER reader, linearly,
 * with a cap on the number of entries (docs/pki-rules.md §9).
 */
import { asn1Time, integerContent, type ParsedCert, smallInteger } from './cert-parse.js';
import {
  childrenOf,
  content,
  decodeOid,
  encoding,
  isUniversal,
  readTlv,
  serialHex,
  type Tlv,
} from './der.js';
import { PkiError } from './errors.js';
import { type ParsedName, parseName } from './names.js';
import { SIGNATURE_ALGORITHMS } from './oids.js';
import { verifySignature } from './signature.js';

/** More entries than this and the CRL is refused (real CRLs of large CAs hold about a million). */
export const MAX_CRL_ENTRIES = 1_000_000;

/** RFC 5280 §5.3.1 CRLReason, by its ENUMERATED value (7 is not used). */
export const CRL_REASONS: Record<number, string> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};

/** CRL and CRL entry extensions by OID (RFC 5280 §5.2, §5.3). */
const CRL_EXTENSIONS: Record<string, string> = {
  '2.5.29.35': 'authorityKeyIdentifier',
  '2.5.29.18': 'issuerAltName',
  '2.5.29.20': 'cRLNumber',
  '2.5.29.27': 'deltaCRLIndicator',
  '2.5.29.28': 'issuingDistributionPoint',
  '2.5.29.46': 'freshestCRL',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess',
  '2.5.29.21': 'reasonCode',
  '2.5.29.24': 'invalidityDate',
  '2.5.29.29': 'certificateIssuer',
};

/** One revoked certificate. */
export interface CrlEntry {
  /** The serial number in upper-case hex, as the certificate reports print it. */
  serial: string;
  revocationDate: string;
  reason?: string;
  invalidityDate?: string;
}

/** A parsed CRL. */
export interface ParsedCrl {
  der: Uint8Array;
  tbs: Uint8Array;
  /** 1 or 2 (the encoded value is 0 or 1; absent means v1). */
  version: number;
  signatureOid: string;
  signatureAlgorithm: Uint8Array;
  signature: Uint8Array;
  issuer: ParsedName;
  thisUpdate: string;
  thisUpdateDate: Date | null;
  nextUpdate: string | null;
  nextUpdateDate: Date | null;
  entries: CrlEntry[];
  /** The CRL's own extensions, by name (the OID when unknown). */
  extensions: { name: string; oid: string; critical: boolean }[];
  /** cRLNumber (RFC 5280 §5.2.3) in decimal, when present. */
  crlNumber?: string;
  /** The authority key identifier's keyIdentifier in upper-case hex, when present. */
  authorityKeyId?: string;
}

function bad(what: string): never {
  throw new PkiError('bad-crl', `not a valid CRL: ${what}`);
}

const hexUpper = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

/** An INTEGER's value, two's complement (a cRLNumber may be encoded negative). */
function signedInteger(c: Uint8Array): bigint {
  if (c.length === 0) return 0n;
  const v = BigInt(`0x${hexUpper(c)}`);
  return c[0]! & 0x80 ? v - (1n << BigInt(c.length * 8)) : v;
}

function extensionList(
  buf: Uint8Array,
  wrapper: Tlv,
): { oid: string; critical: boolean; value: Uint8Array }[] {
  const [seq, extra] = childrenOf(buf, wrapper);
  if (!isUniversal(seq, 16) || extra) bad('extensions are malformed');
  return childrenOf(buf, seq).map((ext) => {
    const parts = childrenOf(buf, ext);
    if (!isUniversal(parts[0], 6)) bad('an extension has no OID');
    const hasCritical = isUniversal(parts[1], 1);
    const valueT = parts[hasCritical ? 2 : 1];
    if (!isUniversal(valueT, 4)) bad('an extension value is malformed');
    const critical = hasCritical && content(buf, parts[1]!)[0] !== 0;
    return { oid: decodeOid(content(buf, parts[0]!)), critical, value: content(buf, valueT) };
  });
}

function entry(buf: Uint8Array, t: Tlv): CrlEntry {
  const [serialT, dateT, extsT] = childrenOf(buf, t);
  if (!serialT) bad('a revoked entry has no serial number');
  const serial = serialHex(integerContent(buf, serialT, 'a revoked serial number'));
  const date = asn1Time(buf, dateT, true) ?? bad('a revocation date is not a Time');
  const out: CrlEntry = { serial, revocationDate: date.text };
  if (extsT && isUniversal(extsT, 16)) {
    for (const e of childrenOf(buf, extsT)) {
      const parts = childrenOf(buf, e);
      if (!isUniversal(parts[0], 6)) continue;
      const oid = decodeOid(content(buf, parts[0]!));
      const value = content(buf, parts[isUniversal(parts[1], 1) ? 2 : 1] ?? parts[1]!);
      const inner = readTlv(value, 0);
      // The first of duplicated extensions counts, as OpenSSL reads them.
      if (oid === '2.5.29.21' && inner.tag === 10 && out.reason === undefined) {
        const code = smallInteger(content(value, inner));
        out.reason = CRL_REASONS[code] ?? String(code);
      } else if (oid === '2.5.29.24' && out.invalidityDate === undefined) {
        const when = asn1Time(value, inner, true);
        if (when) out.invalidityDate = when.text;
      }
    }
  }
  return out;
}

/** Parses a DER CRL; throws PkiError('bad-crl' or 'too-many-entries') with one line. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  let top: Tlv;
  try {
    top = readTlv(der, 0);
  } catch {
    bad('it is not DER');
  }
  if (!isUniversal(top, 16)) bad('it does not start with a SEQUENCE');
  const [tbsT, algT, sigT, extra] = childrenOf(der, top);
  if (!isUniversal(tbsT, 16) || !isUniversal(algT, 16) || !isUniversal(sigT, 3) || extra)
    bad('wrong top-level structure');
  const f = childrenOf(der, tbsT);
  let i = 0;
  let version = 1;
  if (isUniversal(f[0], 2)) version = smallInteger(integerContent(der, f[i++]!, 'the version')) + 1;
  const tbsAlgT = f[i++];
  const issuerT = f[i++];
  if (!isUniversal(tbsAlgT, 16) || !issuerT) bad('missing fields');
  const thisUpdate = asn1Time(der, f[i++], true) ?? bad('thisUpdate is not a Time');
  const next = asn1Time(der, f[i], true);
  if (next) i++;
  const entries: CrlEntry[] = [];
  if (isUniversal(f[i], 16)) {
    const list = childrenOf(der, f[i++]!);
    if (list.length > MAX_CRL_ENTRIES)
      throw new PkiError(
        'too-many-entries',
        `the CRL lists ${list.length.toLocaleString('en-US')} revoked certificates; cert-tutor reads at most ${MAX_CRL_ENTRIES.toLocaleString('en-US')}`,
      );
    for (const e of list) entries.push(entry(der, e));
  }
  const raw = f[i] && f[i]!.cls === 2 && f[i]!.tag === 0 ? extensionList(der, f[i]!) : [];
  const [algOidT] = childrenOf(der, algT);
  if (!isUniversal(algOidT, 6)) bad('the signature algorithm is malformed');
  const sig = content(der, sigT);
  const crl: ParsedCrl = {
    der,
    tbs: encoding(der, tbsT),
    version,
    signatureOid: decodeOid(content(der, algOidT)),
    signatureAlgorithm: encoding(der, algT),
    signature: sig.subarray(1),
    issuer: parseName(der, issuerT),
    thisUpdate: thisUpdate.text,
    thisUpdateDate: thisUpdate.date,
    nextUpdate: next?.text ?? null,
    nextUpdateDate: next?.date ?? null,
    entries,
    extensions: raw.map((e) => ({ name: CRL_EXTENSIONS[e.oid] ?? e.oid, oid: e.oid, critical: e.critical })),
  };
  for (const e of raw) {
    const inner = readTlv(e.value, 0);
    // The first of duplicated extensions counts, as OpenSSL reads them.
    if (e.oid === '2.5.29.20' && inner.tag === 2 && crl.crlNumber === undefined)
      crl.crlNumber = signedInteger(content(e.value, inner)).toString();
    if (e.oid === '2.5.29.35' && crl.authorityKeyId === undefined) {
      const keyId = childrenOf(e.value, inner).find((c) => c.cls === 2 && c.tag === 0);
      if (keyId) crl.authorityKeyId = hexUpper(content(e.value, keyId));
    }
  }
  return crl;
}

/** The signature algorithm's name, as OpenSSL prints it. */
export const crlSignatureName = (crl: ParsedCrl) =>
  SIGNATURE_ALGORITHMS[crl.signatureOid]?.name ?? crl.signatureOid;

/** Whether `issuer`'s key signed the CRL (a real signature check), RFC 5280 §6.3.3 (f). */
export function crlSignedBy(crl: ParsedCrl, issuer: ParsedCert): boolean {
  return verifySignature(crl.tbs, crl.signatureOid, crl.signatureAlgorithm, crl.signature, issuer.spki);
}

/** "current", "expired" (after nextUpdate) or "not yet valid" (before thisUpdate) at `at`. */
export function crlStatus(crl: ParsedCrl, at: Date): 'current' | 'expired' | 'not yet valid' {
  if (crl.thisUpdateDate && at < crl.thisUpdateDate) return 'not yet valid';
  if (crl.nextUpdateDate && at > crl.nextUpdateDate) return 'expired';
  return 'current';
}

/**
 * The CRL's entry for `cert`, or null: the CRL's issuer must be the certificate's issuer (same
 * name, RFC 5280 §6.3.3 (b)) and the serial numbers equal.
 */
export function revocationOf(cert: ParsedCert, crl: ParsedCrl): CrlEntry | null {
  if (cert.issuer.canonical !== crl.issuer.canonical) return null;
  const serial = serialHex(cert.serial);
  return crl.entries.find((e) => e.serial === serial) ?? null;
}
