import {
  bytesEqual,
  childrenOf,
  content,
  decodeOid,
  encoding,
  integerProblem,
  isUniversal,
  readTlv,
  type Tlv,
} from './der.js';
import { PkiError } from './errors.js';
import { type ParsedName, parseName } from './names.js';
import { latin1Text } from './strings.js';

/** One extension as found in the certificate, value undecoded. */
export interface RawExtension {
  oid: string;
  critical: boolean;
  /** The extnValue OCTET STRING's content (the DER of the extension's own structure). */
  value: Uint8Array;
}

/** A certificate's fields at the ASN.1 level, read leniently where OpenSSL 3.0 is lenient. */
export interface ParsedCert {
  der: Uint8Array;
  tbs: Uint8Array;
  /** The DER version value (0 = v1, 2 = v3); may be out of range in odd certificates. */
  version: number;
  /** Content bytes of the serialNumber INTEGER. */
  serial: Uint8Array;
  tbsSignatureOid: string;
  /** Full encoding of the tbsCertificate's signature AlgorithmIdentifier. */
  tbsSignatureAlgorithm: Uint8Array;
  signatureOid: string;
  /** Full encoding of the outer AlgorithmIdentifier (parameters matter for RSA-PSS). */
  signatureAlgorithm: Uint8Array;
  signature: Uint8Array;
  issuer: ParsedName;
  subject: ParsedName;
  notBefore: string;
  notAfter: string;
  notBeforeDate: Date | null;
  notAfterDate: Date | null;
  /** Full SubjectPublicKeyInfo encoding. */
  spki: Uint8Array;
  spkiAlgorithmOid: string;
  /** The algorithm parameters' TLV encoding, if any (the curve OID for EC). */
  spkiParams: Uint8Array | null;
  extensions: RawExtension[];
}

function bad(what: string): never {
  throw new PkiError('bad-certificate', `not a valid X.509 certificate: ${what}`);
}

/**
 * Checks an INTEGER's content the way OpenSSL's decoder does (no empty content, no redundant
 * leading 0x00/0xFF byte) and returns it.
 */
export function integerContent(buf: Uint8Array, t: Tlv, what: string): Uint8Array {
  if (!isUniversal(t, 2)) bad(`${what} is not an INTEGER`);
  const c = content(buf, t);
  const problem = integerProblem(c);
  if (problem === 'empty') bad(`${what} is empty`);
  if (problem === 'padding') bad(`${what} has illegal padding`);
  return c;
}

/** Small non-negative INTEGER value (e.g. version), or -1 when negative or too large. */
export function smallInteger(c: Uint8Array): number {
  if (c[0]! & 0x80) return -1;
  if (c.length > 6) return -1;
  let v = 0;
  for (const b of c) v = v * 256 + b;
  return v;
}

function algorithm(buf: Uint8Array, t: Tlv | undefined, what: string): { oid: string; params: Tlv | null } {
  if (!isUniversal(t, 16)) bad(`${what} is not an AlgorithmIdentifier`);
  const [oidT, params, extra] = childrenOf(buf, t);
  if (!isUniversal(oidT, 6) || extra) bad(`${what} is malformed`);
  return { oid: decodeOid(content(buf, oidT)), params: params ?? null };
}

function bitString(buf: Uint8Array, t: Tlv | undefined, what: string): Uint8Array {
  if (!isUniversal(t, 3)) bad(`${what} is not a BIT STRING`);
  const c = content(buf, t);
  if (c.length < 1 || c[0]! > 7) bad(`${what} is malformed`);
  return c.subarray(1);
}

/**
 * An X.509 Time (RFC 5280 §4.1.2.5: UTCTime or GeneralizedTime, in Z), as ISO text and a Date (null
 * when the text is not a valid time); null when `t` is not a Time at all. Certificates and CRLs.
 */
export function asn1Time(
  buf: Uint8Array,
  t: Tlv | undefined,
  allowOffset = false,
): { text: string; date: Date | null } | null {
  if (t?.cls !== 0 || (t.tag !== 23 && t.tag !== 24)) return null;
  const s = latin1Text(content(buf, t));
  // A CRL may carry an offset (+0100) where RFC 5280 asks for Z; OpenSSL's CRL reader takes it.
  const zone = allowOffset ? '(Z|[+-]\\d{4})' : '(Z)';
  const m = s.match(
    new RegExp(`^(\\d{${t.tag === 23 ? 2 : 4}})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})${zone}$`),
  );
  if (!m) return { text: s, date: null };
  let year = Number(m[1]);
  // RFC 5280 §4.1.2.5.1: UTCTime YY >= 50 is 19YY, otherwise 20YY.
  if (t.tag === 23) year += year >= 50 ? 1900 : 2000;
  const d = new Date(
    Date.UTC(2000, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])),
  );
  d.setUTCFullYear(year); // Date.UTC would read a GeneralizedTime year 0001-0099 as 1901-1999
  const off =
    m[7] === 'Z'
      ? 0
      : (Number(m[7]!.slice(1, 3)) * 60 + Number(m[7]!.slice(3))) * (m[7]![0] === '-' ? -1 : 1);
  d.setTime(d.getTime() - off * 60_000);
  if (Number.isNaN(d.getTime())) return { text: s, date: null };
  return { text: d.toISOString(), date: d };
}

function time(buf: Uint8Array, t: Tlv | undefined): { text: string; date: Date | null } {
  return asn1Time(buf, t) ?? bad('a validity date is not a UTCTime or GeneralizedTime');
}

function extensions(buf: Uint8Array, t: Tlv): RawExtension[] {
  const [seq, extra] = childrenOf(buf, t);
  if (!isUniversal(seq, 16) || extra) bad('extensions are malformed');
  return childrenOf(buf, seq).map((ext) => {
    if (!isUniversal(ext, 16)) bad('an extension is not a SEQUENCE');
    const parts = childrenOf(buf, ext);
    const oidT = parts[0];
    if (!isUniversal(oidT, 6)) bad('an extension has no OID');
    let i = 1;
    let critical = false;
    if (isUniversal(parts[i], 1)) {
      const c = content(buf, parts[i]!);
      if (c.length !== 1) bad('an extension criticality BOOLEAN has the wrong length');
      critical = c[0] !== 0;
      i++;
    }
    const valT = parts[i];
    if (!isUniversal(valT, 4) || parts.length !== i + 1) bad('an extension value is malformed');
    return { oid: decodeOid(content(buf, oidT)), critical, value: content(buf, valT) };
  });
}

const parsedCache = new WeakMap<Uint8Array, ParsedCert>();

/**
 * parseCertificate, remembered per byte array: describing a file's certificates and chaining them
 * then parse each one once. The engine never writes into certificate bytes, so the result stays true.
 */
export function parsedCertificate(der: Uint8Array): ParsedCert {
  let c = parsedCache.get(der);
  if (!c) {
    c = parseCertificate(der);
    parsedCache.set(der, c);
  }
  return c;
}

/** Parses a DER certificate. Throws PkiError('bad-certificate' | 'bad-der' | 'bad-name'). */
export function parseCertificate(der: Uint8Array): ParsedCert {
  const top = readTlv(der, 0);
  if (!isUniversal(top, 16)) bad('it does not start with a SEQUENCE');
  const [tbsT, sigAlgT, sigT, extra] = childrenOf(der, top);
  if (!tbsT || !isUniversal(tbsT, 16) || extra) bad('wrong top-level structure');
  const f = childrenOf(der, tbsT);
  let i = 0;
  let version = 0;
  if (f[0] && f[0].cls === 2 && f[0].tag === 0) {
    const [v, vExtra] = childrenOf(der, f[0]);
    if (!v || vExtra) bad('bad version');
    version = smallInteger(integerContent(der, v, 'the version'));
    i = 1;
  }
  const serialT = f[i++];
  if (!serialT) bad('no serial number');
  const serial = integerContent(der, serialT, 'the serial number');
  const tbsSigT = f[i++];
  const tbsSig = algorithm(der, tbsSigT, 'the signature algorithm');
  const issuerT = f[i++];
  const validityT = f[i++];
  const subjectT = f[i++];
  const spkiT = f[i++];
  if (!issuerT || !isUniversal(validityT, 16) || !subjectT || !isUniversal(spkiT, 16)) bad('missing fields');
  const [nb, na, vExtra] = childrenOf(der, validityT);
  if (vExtra) bad('validity has extra fields');
  const notBefore = time(der, nb);
  const notAfter = time(der, na);
  const [spkiAlgT, keyT, spkiExtra] = childrenOf(der, spkiT);
  if (spkiExtra) bad('subjectPublicKeyInfo has extra fields');
  const spkiAlg = algorithm(der, spkiAlgT, 'the public key algorithm');
  bitString(der, keyT, 'the public key');
  let exts: RawExtension[] = [];
  let lastTag = 0;
  for (; i < f.length; i++) {
    const t = f[i]!;
    if (t.cls !== 2 || t.tag < 1 || t.tag > 3 || t.tag <= lastTag)
      bad('unexpected field after the public key');
    lastTag = t.tag;
    if (t.tag === 3) exts = extensions(der, t);
  }
  const outer = algorithm(der, sigAlgT, 'the outer signature algorithm');
  const signature = bitString(der, sigT, 'the signature');
  const issuer = parseName(der, issuerT);
  // A root's subject is usually byte for byte its issuer: decode it once.
  const subject = bytesEqual(encoding(der, issuerT), encoding(der, subjectT))
    ? issuer
    : parseName(der, subjectT);
  return {
    der,
    tbs: encoding(der, tbsT),
    version,
    serial,
    tbsSignatureOid: tbsSig.oid,
    tbsSignatureAlgorithm: encoding(der, tbsSigT!),
    signatureOid: outer.oid,
    signatureAlgorithm: encoding(der, sigAlgT!),
    signature,
    issuer,
    subject,
    notBefore: notBefore.text,
    notAfter: notAfter.text,
    notBeforeDate: notBefore.date,
    notAfterDate: notAfter.date,
    spki: encoding(der, spkiT),
    spkiAlgorithmOid: spkiAlg.oid,
    spkiParams: spkiAlg.params ? encoding(der, spkiAlg.params) : null,
    extensions: exts,
  };
}
