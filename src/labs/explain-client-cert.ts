/**
 * Why a server accepted or refused a client certificate, from the certificate's fields
 * (docs/pki-rules.md §2.4, §2.5, §5.5, §6.2, §7 and §9 (misconception 1)).
 */
import type { LabCertificate, TlsAlert, VerifyFailure } from './types.js';

/** What the explanation needs to know about one mtls run. */
export interface ClientCertCase {
  certificate: LabCertificate | null;
  /** The client had the certificate's private key. */
  hasKey: boolean;
  /** A certificate actually went out in the client's Certificate message. */
  certificateSent: boolean;
  accepted: boolean;
  verifyFailure: VerifyFailure | null;
  alert: TlsAlert | null;
  caNames: string[];
  now: Date;
}

const day = (iso: string) => iso.slice(0, 10);

/** "EKU: serverAuth" style description of a certificate's extendedKeyUsage. */
export function ekuPhrase(cert: LabCertificate): string {
  if (cert.extendedKeyUsage === null) return 'has no extendedKeyUsage extension, which means no restriction';
  return `lists extendedKeyUsage ${cert.extendedKeyUsage.join(', ')}`;
}

function opensslRow(cert: LabCertificate, row: 'SSL client' | 'SSL server'): string | undefined {
  const text = cert.report?.opensslText?.[row];
  return text ? `\`openssl x509 -purpose\` shows "${row} : ${text}" for it.` : undefined;
}

/** The explanation lines, conclusion first. */
export function explainClientCert(c: ClientCertCase): string[] {
  const cert = c.certificate;
  const who = cert ? cert.subject : 'the certificate';
  if (c.accepted && cert) {
    const lines = [
      `Accepted: the server trusted ${who} as a client certificate.`,
      `It was issued by ${cert.issuer}, which chains to a CA the server trusts (the CA names it sent in CertificateRequest: ${c.caNames.join('; ')}).`,
      `It ${ekuPhrase(cert)}: OpenSSL's "SSL client" purpose needs clientAuth when an EKU is present (RFC 5280 §4.2.1.12).`,
      `It is valid from ${day(cert.notBefore)} to ${day(cert.notAfter)}.`,
      'The client proved it holds the private key by signing the handshake in CertificateVerify (RFC 8446 §4.4.3).',
    ];
    const row = opensslRow(cert, 'SSL client');
    if (row) lines.push(row);
    return lines;
  }
  if (!c.certificateSent) {
    if (cert && !c.hasKey) {
      return [
        `Refused: ${who} could not be presented, because the client did not have its private key.`,
        'A certificate holds only the public key (subjectPublicKeyInfo); the private key is never inside it (RFC 5280 §4.1.2.7).',
        'Presenting a certificate means signing the handshake with the matching private key in CertificateVerify: that signature is the proof of possession (RFC 8446 §4.4.3). Anyone can copy a certificate; only the key holder can use it.',
        'So OpenSSL sent an empty Certificate message, and the server reacted exactly as if nothing had been presented.',
        ...(c.alert ? [`The server aborted with the TLS alert ${c.alert.name} (${c.alert.number}).`] : []),
      ];
    }
    return [
      'Refused: the server requires a client certificate and the client sent none.',
      'The server asked with CertificateRequest; the client answered with an empty Certificate message (RFC 8446 §4.4.2.4 lets the server abort then).',
      ...(c.alert ? [`It aborted with the TLS alert ${c.alert.name} (${c.alert.number}).`] : []),
      'This is the TLS-level form of IIS\'s "403.7 Client certificate required": a browser offers a certificate only if it has one with a private key, usable for client authentication, from a CA the server accepts.',
    ];
  }
  const f = c.verifyFailure;
  if (!f || !cert) return ['Refused: the handshake did not complete (see the errors above).'];
  const head = `Refused: OpenSSL verify error ${f.number ?? '?'} "${f.text}" for ${who}.`;
  switch (f.code) {
    case 'INVALID_PURPOSE': {
      const anyOnly =
        cert.extendedKeyUsage?.length === 1 && cert.extendedKeyUsage[0] === 'anyExtendedKeyUsage';
      const lines = [
        head,
        'A server that verifies a client certificate checks it for OpenSSL\'s "SSL client" purpose: an extendedKeyUsage that is present must contain clientAuth (1.3.6.1.5.5.7.3.2).',
        `This certificate ${ekuPhrase(cert)}: no clientAuth.`,
      ];
      if (anyOnly)
        lines.push(
          'anyExtendedKeyUsage alone does not count: RFC 5280 §4.2.1.12 lets an application refuse it, and OpenSSL consciously does (openssl/openssl#17959).',
        );
      else
        lines.push(
          "That field is what makes a server certificate unusable as a client certificate. Public TLS certificates are becoming serverAuth-only (Let's Encrypt dropped clientAuth from its default profile on 2026-02-11; Chrome requires it of new public TLS leaves from 2027-03-15), so they cannot serve as client certificates against a server like this one.",
        );
      const row = opensslRow(cert, 'SSL client');
      if (row) lines.push(row);
      return lines;
    }
    case 'CERT_REVOKED':
      return [
        head,
        `Its issuer put its serial number on the certificate revocation list the server loaded (RFC 5280 §5): nothing in the certificate changed, its EKU and dates are fine, but the CA took it back. OpenSSL's TLS stack sends the alert certificate_revoked (44); Node reports CERT_REVOKED.`,
        '`cert-tutor inspect` on the CRL and the certificate together names the entry and its reason; IIS reports this case as "403.13 Client certificate revoked".',
      ];
    case 'UNABLE_TO_GET_CRL':
      return [
        head,
        'The server checks CRLs for every CA of the chain, and one CA has no CRL loaded: load one per CA (nginx: all in the ssl_crl file).',
      ];
    case 'CERT_HAS_EXPIRED':
      return [
        head,
        `Its notAfter is ${cert.notAfter}, before the time of the handshake (${c.now.toISOString()}).`,
        'IIS reports this case as "403.17 Client certificate has expired or is not yet valid".',
      ];
    case 'CERT_NOT_YET_VALID':
      return [head, `Its notBefore is ${cert.notBefore}, after the time of the handshake.`, 'IIS: 403.17.'];
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return [
        head,
        `It was issued by ${cert.issuer}, which is not among the CAs the server trusts (${c.caNames.join('; ')}), so no chain reaches a trust anchor.`,
        'The server decides whom it trusts for client certificates; a certificate from any other CA is refused however correct its fields are. IIS reports this as "403.16 Client certificate is untrusted or invalid".',
      ];
    default:
      return [head, `It was issued by ${cert.issuer} and ${ekuPhrase(cert)}.`];
  }
}
