/**
 * The revocation step of path validation, as `openssl verify -crl_check` (leaf) and
 * `-crl_check_all` (every certificate) do it in check_revocation / check_cert (x509_vfy.c): for
 * each certificate, a CRL of its issuer (same name, RFC 5280 §6.3.3 (b)) that the issuer's key
 * signed (§6.3.3 (f)) and that is current; then the certificate must not be on it (§6.3.3 (i)).
 */
import { crlSignedBy, crlStatus, type ParsedCrl, revocationOf } from '../crl.js';
import type { VCert } from './cert.js';
import type { OpenSslErrorCode } from './errors.js';

/** The outcome for one certificate: ok, or OpenSSL's error with a sentence. */
export interface RevocationOutcome {
  ok: boolean;
  message: string;
  code?: OpenSslErrorCode;
}

/**
 * Checks `chain[depth]` against `crls`; its issuer is `chain[depth + 1]`, or itself at the top.
 * Error 3 when no CRL of its issuer is given, 8 when the CRL's signature does not verify with the
 * issuer's key, 11/12 when the CRL is not yet valid / expired, 23 when the certificate is on it.
 */
export function checkRevocation(
  chain: VCert[],
  depth: number,
  crls: ParsedCrl[],
  at: Date,
): RevocationOutcome {
  const x = chain[depth]!;
  const issuer = chain[Math.min(depth + 1, chain.length - 1)]!;
  const mine = crls.filter((c) => c.issuer.canonical === x.cert.issuer.canonical);
  if (mine.length === 0)
    return {
      ok: false,
      code: 3,
      message: `no CRL of its issuer ${x.cert.issuer.text} was given (--crl FILE)`,
    };
  const signed = mine.filter((c) => crlSignedBy(c, issuer.cert));
  if (signed.length === 0)
    return {
      ok: false,
      code: 8,
      message: `the CRL of ${x.cert.issuer.text} is not signed by the issuer's key`,
    };
  const crl = signed.find((c) => crlStatus(c, at) === 'current') ?? signed[0]!;
  const status = crlStatus(crl, at);
  if (status === 'not yet valid')
    return {
      ok: false,
      code: 11,
      message: `its issuer's CRL is not yet valid (thisUpdate ${crl.thisUpdate})`,
    };
  if (status === 'expired')
    return { ok: false, code: 12, message: `its issuer's CRL has expired (nextUpdate ${crl.nextUpdate})` };
  const entry = revocationOf(x.cert, crl);
  if (entry)
    return {
      ok: false,
      code: 23,
      message: `it is on its issuer's CRL: serial ${entry.serial} revoked ${entry.revocationDate}${entry.reason ? ` (${entry.reason})` : ''}`,
    };
  return {
    ok: true,
    message: `it is not on its issuer's CRL (number ${crl.crlNumber ?? 'not given'}, current)`,
  };
}
