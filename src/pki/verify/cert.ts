import { type ParsedCert, parsedCertificate } from '../cert-parse.js';
import { type DecodedExtensions, decodedExtensions } from '../extensions.js';
import { notLikelyIssued } from '../likely-issued.js';
import { OPENSSL_SUPPORTED_CRITICAL, SIGNATURE_ALGORITHMS } from '../oids.js';
import type { OpenSslInput } from '../openssl.js';
import { opensslInput } from '../openssl-input.js';
import { describePublicKey } from '../public-key.js';
import type { PublicKeyInfo } from '../types.js';

/** Where a certificate came from: the one to verify, the untrusted pile, or the trust store. */
export type Source = 'leaf' | 'untrusted' | 'trusted';

/** One certificate as the validator sees it. */
export interface VCert {
  cert: ParsedCert;
  ext: DecodedExtensions;
  source: Source;
  /** Position in its own list (the --untrusted or --ca certificates, in file order). */
  index: number;
  /** EXFLAG_SI: subject and issuer names are equal. */
  selfIssued: boolean;
  /** EXFLAG_SS: self-issued and "likely issued" by itself (AKID, algorithms); no signature check. */
  selfSigned: boolean;
  /** Valid at the time asked, read as OpenSSL reads it (notBefore <= t < notAfter). */
  datesValid: boolean;
  osl: OpenSslInput;
  key: PublicKeyInfo;
  unknownCritical: string[];
}

/** Parses a certificate for validation; throws PkiError when it cannot be read. */
export function vcert(der: Uint8Array, source: Source, index: number, at: Date): VCert {
  const cert = parsedCertificate(der);
  const ext = decodedExtensions(cert);
  const selfIssued = cert.subject.canonical === cert.issuer.canonical;
  const self = { cert, ext };
  return {
    cert,
    ext,
    source,
    index,
    selfIssued,
    selfSigned: selfIssued && notLikelyIssued(self, self) === null,
    datesValid: opensslTime(cert, at) === 'valid',
    osl: opensslInput(cert, ext),
    key: describePublicKey(cert.spki, cert.spkiAlgorithmOid, cert.spkiParams),
    unknownCritical: cert.extensions
      .filter((e) => e.critical && !OPENSSL_SUPPORTED_CRITICAL.has(e.oid))
      .map((e) => e.oid),
  };
}

export type TimeVerdict = 'valid' | 'expired' | 'not yet valid' | 'bad notBefore' | 'bad notAfter';

/**
 * ossl_x509_check_cert_time: X509_cmp_time counts a time equal to the moment as earlier, so the
 * certificate is valid from notBefore (inclusive) until notAfter (exclusive), in whole seconds.
 */
export function opensslTime(cert: ParsedCert, at: Date): TimeVerdict {
  const t = Math.floor(at.getTime() / 1000) * 1000;
  if (!cert.notBeforeDate) return 'bad notBefore';
  if (cert.notBeforeDate.getTime() > t) return 'not yet valid';
  if (!cert.notAfterDate) return 'bad notAfter';
  if (cert.notAfterDate.getTime() <= t) return 'expired';
  return 'valid';
}

/** RFC 5280 §4.1.2.5: notBefore through notAfter, both inclusive. */
export function rfcTime(cert: ParsedCert, at: Date): 'valid' | 'expired' | 'not yet valid' {
  const t = Math.floor(at.getTime() / 1000) * 1000;
  if (cert.notBeforeDate && t < cert.notBeforeDate.getTime()) return 'not yet valid';
  if (cert.notAfterDate && t > cert.notAfterDate.getTime()) return 'expired';
  return 'valid';
}

/**
 * EVP_PKEY_get_security_bits against security level 1's 80 bits (ssl_security_default_callback
 * tables): RSA and DSA below 1024 bits, EC below 160 bits fall short. Null when the key is strong
 * enough or its strength is not known here.
 */
export function weakKey(key: PublicKeyInfo): string | null {
  if ((key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS' || key.algorithm === 'DSA') && key.size) {
    return key.size < 1024 ? `${key.algorithm} ${key.size} bits (under 1024)` : null;
  }
  if (key.algorithm === 'EC' && key.size) return key.size < 160 ? `EC ${key.size} bits (under 160)` : null;
  return null;
}

/** x509_sig_info_init: MD5 (39 bits) and SHA-1 (63 bits) are below level 1's 80 bits. */
export function weakDigest(cert: ParsedCert): string | null {
  const hash = SIGNATURE_ALGORITHMS[cert.signatureOid]?.hash;
  return hash === 'sha1' || hash === 'md5' ? hash.toUpperCase().replace('SHA1', 'SHA-1') : null;
}

const EC_KEY = '1.2.840.10045.2.1';

/** check_curve: an EC key whose parameters are spelled out instead of naming a curve. */
export function explicitCurve(cert: ParsedCert): boolean {
  return cert.spkiAlgorithmOid === EC_KEY && cert.spkiParams?.[0] === 0x30;
}

/** A certificate's name for messages. */
export const label = (c: VCert) => c.cert.subject.text || '(empty subject)';
