/**
 * OpenSSL 3.0's test of whether one certificate may have issued another, before any signature is
 * checked (x509v3_purp.c ossl_x509_likely_issued): the issuer's subject is the child's issuer name,
 * both certificates' extensions decode (EXFLAG_INVALID otherwise), the child's
 * authorityKeyIdentifier matches the issuer (X509_check_akid: key id against the subject key id,
 * serial, issuer name), and the child's signature algorithm fits the issuer's key type.
 * A certificate "likely issued" by itself is what OpenSSL calls self-signed (X509_self_signed).
 */
import type { ParsedCert } from './cert-parse.js';
import { bytesEqual } from './der.js';
import type { DecodedExtensions } from './extensions.js';
import { KEY_ALGORITHMS, SIGNATURE_ALGORITHMS } from './oids.js';

/** A parsed certificate with its decoded extensions. */
export interface CertWithExtensions {
  cert: ParsedCert;
  ext: DecodedExtensions;
}

/** Why OpenSSL would not take `issuer` as the issuer of `child`, or null when it would. */
export function notLikelyIssued(issuer: CertWithExtensions, child: CertWithExtensions): string | null {
  if (issuer.cert.subject.canonical !== child.cert.issuer.canonical) return 'the names do not match';
  if (issuer.ext.invalid.length) return `OpenSSL cannot use ${describe(issuer)}: ${issuer.ext.invalid[0]}`;
  if (child.ext.invalid.length) return `OpenSSL cannot use ${describe(child)}: ${child.ext.invalid[0]}`;
  const akid = child.ext.akid;
  if (akid?.keyId && issuer.ext.skid && !bytesEqual(akid.keyId, issuer.ext.skid))
    return 'its authorityKeyIdentifier key id is not the subjectKeyIdentifier of that certificate';
  if (akid?.serial && !bytesEqual(akid.serial, issuer.cert.serial))
    return 'its authorityKeyIdentifier serial number is not that certificate’s serial number';
  if (akid?.issuer && akid.issuer.canonical !== issuer.cert.issuer.canonical)
    return 'its authorityKeyIdentifier issuer name is not that certificate’s issuer';
  const sig = SIGNATURE_ALGORITHMS[child.cert.tbsSignatureOid];
  const key = KEY_ALGORITHMS[issuer.cert.spkiAlgorithmOid]?.key;
  if (!sig || !key) return 'its signature algorithm or that certificate’s key type is not known';
  const fits = sig.key === key || (sig.key === 'rsa' && key === 'rsa-pss' && sig.name === 'rsassaPss');
  return fits ? null : 'its signature algorithm does not fit the key type of that certificate';
}

const describe = (c: CertWithExtensions) => c.cert.subject.text || '(empty subject)';
