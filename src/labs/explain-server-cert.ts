/**
 * Why a client accepted or refused a server's certificate, from the certificate's fields
 * (docs/pki-rules.md §1.6, §2.5, §5.4 and §9 (misconceptions 5 and 6)).
 */
import { ekuPhrase } from './explain-client-cert.js';
import type { LabCertificate, VerifyFailure } from './types.js';

/** What other host-name checkers say about the same certificate and name (computed by Node/OpenSSL). */
export interface NameCheckVerdicts {
  /** Node's default tls.checkServerIdentity(). */
  nodeDefault: boolean;
  /** OpenSSL's X509_check_host() with its default flags (as `openssl s_client -verify_hostname` uses it). */
  opensslDefault: boolean;
}

/** What the explanation needs to know about one server-identity run. */
export interface ServerCertCase {
  certificate: LabCertificate | null;
  name: string;
  /** How many certificates the server sent (leaf first). */
  chainSent: number;
  accepted: boolean;
  verifyFailure: VerifyFailure | null;
  verdicts: NameCheckVerdicts | null;
  now: Date;
}

const yesNo = (ok: boolean) => (ok ? 'accepts it' : 'refuses it');

/** The explanation lines, conclusion first. */
export function explainServerCert(c: ServerCertCase): string[] {
  const cert = c.certificate;
  if (!cert)
    return ['Refused: the handshake did not get as far as the server certificate (see the errors above).'];
  const who = cert.subject;
  const listed = [...cert.dnsNames.map((d) => `DNS:${d}`), ...cert.ipAddresses.map((i) => `IP:${i}`)];
  if (c.accepted)
    return [
      `Accepted: ${c.name} is listed in the subjectAltName of ${who} (${listed.join(', ')}).`,
      `Its chain reaches a CA the client trusts (issuer: ${cert.issuer}), and it is valid until ${cert.notAfter.slice(0, 10)}.`,
      `It ${ekuPhrase(cert)}: OpenSSL's "SSL server" purpose needs serverAuth when an EKU is present.`,
    ];
  const f = c.verifyFailure;
  if (!f) return ['Refused: the handshake did not complete (see the errors above).'];
  const head = f.number
    ? `Refused: OpenSSL verify error ${f.number} "${f.text}" for ${who}.`
    : `Refused: ${c.name} is not a name of ${who}.`;
  switch (f.code) {
    case 'ERR_TLS_CERT_ALTNAME_INVALID': {
      const cnOnly = listed.length === 0 && cert.commonName?.toLowerCase() === c.name.toLowerCase();
      const lines = [head];
      if (cnOnly) {
        lines.push(
          `The certificate has no subjectAltName; ${c.name} appears only in the subject's CN.`,
          'A modern client never uses the CN as a host name: RFC 9110 §4.3.4 says HTTPS clients MUST NOT, Chrome stopped in version 58 and Go in 1.15, and the CA/Browser Forum requires the name in subjectAltName.',
        );
      } else {
        lines.push(
          `The client asked for ${c.name}; the subjectAltName lists ${listed.length ? listed.join(', ') : 'nothing'}.`,
          'The subject CN is not consulted when a subjectAltName with DNS names is present.',
        );
      }
      if (c.verdicts)
        lines.push(
          `For comparison, on this certificate and name: OpenSSL's own host check with default flags (\`openssl s_client -verify_hostname\`) ${yesNo(c.verdicts.opensslDefault)}, and Node's default tls.checkServerIdentity ${yesNo(c.verdicts.nodeDefault)}${cnOnly ? ': both still fall back to the CN when there is no DNS subjectAltName, so "it works with openssl or curl" does not prove it works in a browser' : ''}.`,
        );
      return lines;
    }
    case 'CERT_HAS_EXPIRED':
      return [
        head,
        `Its notAfter is ${cert.notAfter}, before the time of the handshake (${c.now.toISOString()}).`,
      ];
    case 'CERT_NOT_YET_VALID':
      return [head, `Its notBefore is ${cert.notBefore}, after the time of the handshake.`];
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return [
        head,
        `Its issuer is its own subject and its own key signs it: it is self-signed. A self-signed end-entity certificate is trusted only where it has been installed or pinned; the client's trust store does not hold it.`,
        'Being self-signed is not what makes a root trustworthy either: a root is trusted because it is in the trust store.',
      ];
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return [
        head,
        c.chainSent === 1
          ? `The server sent only its own certificate. Its issuer, ${cert.issuer}, is not a CA the client trusts, and the server did not send it, so the client cannot build a chain to its trusted root.`
          : `The client cannot find the issuer of the certificate, ${cert.issuer}, among what the server sent and what it trusts.`,
        'OpenSSL and Node do not go looking for a missing intermediate: the server must send its whole chain (leaf, then the intermediates).',
      ];
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return [
        head,
        `The chain the server sent (${c.chainSent} certificates) does not end at a CA the client trusts.`,
      ];
    case 'INVALID_PURPOSE':
      return [
        head,
        'A client checks the server\'s certificate for OpenSSL\'s "SSL server" purpose: an extendedKeyUsage that is present must contain serverAuth (1.3.6.1.5.5.7.3.1).',
        `This certificate ${ekuPhrase(cert)}.`,
        ...(cert.extendedKeyUsage?.includes('anyExtendedKeyUsage')
          ? [
              'anyExtendedKeyUsage alone does not count: OpenSSL consciously refuses it for TLS (RFC 5280 §4.2.1.12 allows that).',
            ]
          : []),
      ];
    default:
      return [head];
  }
}
