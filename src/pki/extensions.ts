import type { ParsedCert } from './cert-parse.js';
import { readTlv } from './der.js';
import { PkiError } from './errors.js';
import {
  decodeAuthorityKeyId,
  decodeBasicConstraints,
  decodeCrlDistributionPoints,
  decodeExtKeyUsage,
  decodeKeyUsage,
  decodeNameConstraints,
  decodeNsCertType,
  decodeProxyCertInfo,
  decodeSubjectKeyId,
} from './ext-decoders.js';
import { decodeGeneralNames } from './general-names.js';
import type { ParsedName } from './names.js';
import type { KeyUsageBit, SubjectAltNameEntry } from './types.js';

/** The extensions the engine interprets, decoded, plus why OpenSSL 3.0 would call the certificate invalid. */
export interface DecodedExtensions {
  basicConstraints: { critical: boolean; cA: boolean; pathLen?: number } | null;
  keyUsage: { critical: boolean; mask: number; bits: KeyUsageBit[] } | null;
  eku: { critical: boolean; oids: string[] } | null;
  nsCertType: number | null;
  subjectAltName: SubjectAltNameEntry[] | null;
  skid: Uint8Array | null;
  akid: { keyId?: Uint8Array; issuer?: ParsedName; serial?: Uint8Array } | null;
  /**
   * Reasons OpenSSL's extension cache (ossl_x509v3_cache_extensions) would set EXFLAG_INVALID:
   * an extension it decodes appears twice or does not decode, an empty keyUsage, a negative
   * pathLenConstraint, a DistributionPoint with no name and no cRLIssuer, a bad proxy certificate.
   * When non-empty, every `-purpose` row reads "Yes (WARNING code=-1)".
   */
  invalid: string[];
}

/** OIDs OpenSSL 3.0 decodes while caching extensions (duplicates or decode failures = invalid). */
const CACHED = {
  bc: '2.5.29.19',
  proxy: '1.3.6.1.5.5.7.1.14',
  ku: '2.5.29.15',
  eku: '2.5.29.37',
  ns: '2.16.840.1.113730.1.1',
  skid: '2.5.29.14',
  akid: '2.5.29.35',
  san: '2.5.29.17',
  nc: '2.5.29.30',
  crldp: '2.5.29.31',
  ipAddr: '1.3.6.1.5.5.7.1.7',
  asId: '1.3.6.1.5.5.7.1.8',
} as const;

const NAMES: Record<string, string> = {
  [CACHED.bc]: 'basicConstraints',
  [CACHED.proxy]: 'proxyCertInfo',
  [CACHED.ku]: 'keyUsage',
  [CACHED.eku]: 'extKeyUsage',
  [CACHED.ns]: 'nsCertType',
  [CACHED.skid]: 'subjectKeyIdentifier',
  [CACHED.akid]: 'authorityKeyIdentifier',
  [CACHED.san]: 'subjectAltName',
  [CACHED.nc]: 'nameConstraints',
  [CACHED.crldp]: 'cRLDistributionPoints',
  [CACHED.ipAddr]: 'ipAddrBlocks',
  [CACHED.asId]: 'autonomousSysIds',
};

const decodedCache = new WeakMap<ParsedCert, DecodedExtensions>();

/**
 * decodeExtensions, remembered per parsed certificate (describing and chaining decode once).
 * Callers read the result and never change it.
 */
export function decodedExtensions(cert: ParsedCert): DecodedExtensions {
  let d = decodedCache.get(cert);
  if (!d) {
    d = decodeExtensions(cert);
    decodedCache.set(cert, d);
  }
  return d;
}

/** Decodes the extensions of a parsed certificate; never throws (problems go to `invalid`). */
export function decodeExtensions(cert: ParsedCert): DecodedExtensions {
  const out: DecodedExtensions = {
    basicConstraints: null,
    keyUsage: null,
    eku: null,
    nsCertType: null,
    subjectAltName: null,
    skid: null,
    akid: null,
    invalid: [],
  };
  const counts = new Map<string, number>();
  for (const e of cert.extensions) counts.set(e.oid, (counts.get(e.oid) ?? 0) + 1);
  for (const oid of Object.values(CACHED)) {
    if ((counts.get(oid) ?? 0) > 1) out.invalid.push(`${NAMES[oid]} appears more than once`);
  }
  for (const e of cert.extensions) {
    if (!(e.oid in NAMES) || (counts.get(e.oid) ?? 0) > 1) continue;
    try {
      decodeOne(e.oid, e.value, e.critical, out);
    } catch (err) {
      if (!(err instanceof PkiError)) throw err;
      out.invalid.push(`${NAMES[e.oid]} cannot be decoded (${err.message})`);
    }
  }
  const proxy =
    cert.extensions.some((e) => e.oid === CACHED.proxy) && !out.invalid.some((r) => r.startsWith('proxy'));
  if (proxy && (out.basicConstraints?.cA || counts.has(CACHED.san) || counts.has('2.5.29.18'))) {
    out.invalid.push('proxyCertInfo appears with cA TRUE or an alternative name');
  }
  if (out.keyUsage && out.keyUsage.mask === 0) out.invalid.push('keyUsage is present with no bit set');
  if (out.basicConstraints?.pathLen !== undefined && out.basicConstraints.pathLen < 0) {
    out.invalid.push('basicConstraints has a negative pathLenConstraint');
  }
  return out;
}

function decodeOne(oid: string, value: Uint8Array, critical: boolean, out: DecodedExtensions): void {
  switch (oid) {
    case CACHED.bc:
      out.basicConstraints = { critical, ...decodeBasicConstraints(value) };
      break;
    case CACHED.ku:
      out.keyUsage = { critical, ...decodeKeyUsage(value) };
      break;
    case CACHED.eku:
      out.eku = { critical, oids: decodeExtKeyUsage(value) };
      break;
    case CACHED.ns:
      out.nsCertType = decodeNsCertType(value);
      break;
    case CACHED.san:
      out.subjectAltName = decodeGeneralNames(value);
      break;
    case CACHED.skid:
      out.skid = decodeSubjectKeyId(value);
      break;
    case CACHED.akid:
      out.akid = decodeAuthorityKeyId(value);
      break;
    case CACHED.nc:
      decodeNameConstraints(value);
      break;
    case CACHED.crldp:
      decodeCrlDistributionPoints(value);
      break;
    case CACHED.proxy:
      decodeProxyCertInfo(value);
      break;
    default:
      readTlv(value, 0);
  }
}
