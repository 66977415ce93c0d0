import { hash } from 'node:crypto';
import { type ParsedCert, parseCertificate } from './cert-parse.js';
import { intendedPurposes, kindOf, summaryOf } from './classify.js';
import { hex, serialHex } from './der.js';

export { serialHex };

import { ekuEntry } from './eku-names.js';
import { decodeExtensionValue } from './ext/index.js';
import { decodedExtensions } from './extensions.js';
import { findingsFor } from './findings.js';
import { EXTENSIONS, OPENSSL_SUPPORTED_CRITICAL, SIGNATURE_ALGORITHMS } from './oids.js';
import { opensslPurposes } from './openssl.js';
import { opensslInput } from './openssl-input.js';
import { describePublicKey } from './public-key.js';
import { rfcPurposes } from './purposes.js';
import { signedBy } from './signature.js';
import type { CertificateReport, Role } from './types.js';

/** RFC 5280 §4.1.2.5: valid from notBefore through notAfter, both inclusive (second precision). */
export function validityAt(
  notBefore: Date | null,
  notAfter: Date | null,
  now: Date,
): 'valid' | 'expired' | 'not yet valid' {
  const t = Math.floor(now.getTime() / 1000) * 1000;
  if (notBefore && t < notBefore.getTime()) return 'not yet valid';
  if (notAfter && t > notAfter.getTime()) return 'expired';
  return 'valid';
}

/** Builds the report for an already parsed certificate. */
export function describeParsed(c: ParsedCert, now: Date, index = 0): CertificateReport {
  const ext = decodedExtensions(c);
  const selfIssued = c.subject.canonical === c.issuer.canonical;
  const selfSigned = selfIssued && signedBy(c, c);
  // cA TRUE → CA; a self-signed v1 certificate (no extensions can say otherwise) is a root, as in
  // OpenSSL's check_ca code 3 and RFC 5280 §6.1.4(k) (v1 CAs only by out-of-band trust).
  const isCA = ext.basicConstraints?.cA === true;
  const role: Role =
    isCA || (c.version === 0 && selfSigned) ? (selfSigned ? 'root CA' : 'intermediate CA') : 'end entity';
  const validity = validityAt(c.notBeforeDate, c.notAfterDate, now);
  const unknownCritical = c.extensions
    .filter((e) => e.critical && !OPENSSL_SUPPORTED_CRITICAL.has(e.oid))
    .map((e) => e.oid);
  const { purposes, purposeReasons } = rfcPurposes({ keyUsage: ext.keyUsage, eku: ext.eku });
  const osl = opensslPurposes(opensslInput(c, ext));
  const subjectAltName = ext.subjectAltName ?? [];
  const version = c.version + 1;
  const classifyInput = {
    role,
    selfIssued,
    selfSigned,
    purposes,
    purposeReasons,
    eku: ext.eku,
    keyCertSign: !ext.keyUsage || ext.keyUsage.bits.includes('keyCertSign'),
    cA: isCA,
    unknownCritical,
    subjectText: c.subject.text,
    ...(c.subject.commonName !== undefined ? { commonName: c.subject.commonName } : {}),
    subjectAltName,
    validity,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
  };
  const kind = kindOf(classifyInput);
  const bc = ext.basicConstraints;
  return {
    index,
    subject: {
      text: c.subject.text,
      ...(c.subject.commonName !== undefined ? { commonName: c.subject.commonName } : {}),
    },
    issuer: {
      text: c.issuer.text,
      ...(c.issuer.commonName !== undefined ? { commonName: c.issuer.commonName } : {}),
    },
    serialNumber: serialHex(c.serial),
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    validity: { status: validity, at: now.toISOString() },
    version,
    // crypto.hash (Node >= 20.12) is one call, without a Hash object per fingerprint.
    sha1: hex(hash('sha1', c.der, 'buffer'), ':'),
    sha256: hex(hash('sha256', c.der, 'buffer'), ':'),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[c.signatureOid]?.name ?? c.signatureOid,
    publicKey: describePublicKey(c.spki, c.spkiAlgorithmOid, c.spkiParams),
    selfIssued,
    selfSigned,
    role,
    keyUsage: ext.keyUsage ? { critical: ext.keyUsage.critical, bits: ext.keyUsage.bits } : null,
    extendedKeyUsage: ext.eku ? { critical: ext.eku.critical, usages: ext.eku.oids.map(ekuEntry) } : null,
    basicConstraints: bc
      ? {
          critical: bc.critical,
          cA: bc.cA,
          ...(bc.pathLen !== undefined ? { pathLenConstraint: bc.pathLen } : {}),
        }
      : null,
    subjectAltName,
    extensions: c.extensions.map((e) => {
      const decoded = decodeExtensionValue(e.oid, e.value);
      return {
        oid: e.oid,
        name: EXTENSIONS[e.oid]?.name ?? e.oid,
        critical: e.critical,
        known: OPENSSL_SUPPORTED_CRITICAL.has(e.oid) || EXTENSIONS[e.oid]?.known === true,
        ...(decoded ? { value: decoded.data, lines: decoded.lines } : {}),
      };
    }),
    purposes,
    purposeReasons,
    openssl: osl.openssl,
    opensslText: osl.opensslText,
    kind,
    intendedPurposes: intendedPurposes(ext.eku, role),
    summary: summaryOf(classifyInput, kind),
    findings: findingsFor({
      version,
      role,
      selfSigned,
      ext,
      validity,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      ...(c.subject.commonName !== undefined ? { commonName: c.subject.commonName } : {}),
      subjectAltName,
      unknownCritical,
      purposes,
      subjectText: c.subject.text,
      issuerText: c.issuer.text,
    }),
  };
}

/** Describes one DER certificate at `now`. Throws PkiError for bytes that are not a certificate. */
export async function describeCertificate(der: Uint8Array, now: Date, index = 0): Promise<CertificateReport> {
  return describeParsed(parseCertificate(der), now, index);
}
