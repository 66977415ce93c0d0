import type { ParsedCert } from './cert-parse.js';
import type { DecodedExtensions } from './extensions.js';
import { notLikelyIssued } from './likely-issued.js';
import type { OpenSslInput } from './openssl.js';
import { certificateKey } from './signature.js';

/**
 * OpenSSL's EXFLAG_SS heuristic: self-issued, the AKID (if any) points at itself, and the
 * signature algorithm fits the key type. The signature is not verified by this flag.
 */
function opensslSelfSignedHeuristic(c: ParsedCert, ext: DecodedExtensions, selfIssued: boolean): boolean {
  // An invalid certificate's rows are all -1 whatever this says; otherwise this is EXFLAG_SS.
  const self = { cert: c, ext };
  return selfIssued && certificateKey(c) !== null && notLikelyIssued(self, self) === null;
}

/** What OpenSSL's purpose and CA checks read from a certificate (its extension cache). */
export function opensslInput(c: ParsedCert, ext: DecodedExtensions): OpenSslInput {
  return {
    invalid: ext.invalid.length > 0,
    v1: c.version === 0,
    selfSignedHeuristic: opensslSelfSignedHeuristic(c, ext, c.subject.canonical === c.issuer.canonical),
    basicConstraints: ext.basicConstraints,
    keyUsage: ext.keyUsage?.mask ?? null,
    eku: ext.eku?.oids ?? null,
    ekuCritical: ext.eku?.critical ?? false,
    nsCertType: ext.nsCertType,
  };
}
