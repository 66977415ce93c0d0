/** The words for the failures whose sentences are longer than a line. */
import { label, type VCert } from './cert.js';
import type { NcViolation } from './name-constraints.js';

/** Why build_chain could not end at a trust anchor (OpenSSL's 2, 18, 19, 20). */
export function trustFailure(code: 2 | 18 | 19 | 20, x: VCert): string {
  const issuer = x.cert.issuer.text || 'empty name';
  switch (code) {
    case 18:
      return `${label(x)} is self-signed and is not in the trust store: nothing vouches for it`;
    case 19:
      return `the chain ends at ${label(x)}, self-signed but not in the trust store (only --ca certificates are trusted)`;
    case 20:
      return `the issuer of ${label(x)} (${issuer}) was given neither as untrusted nor in the trust store`;
    default:
      return `${label(x)} is in the trust store but is not self-signed, and its issuer (${issuer}) is not there: OpenSSL trusts only a self-signed anchor`;
  }
}

/** A name-constraint failure: which name, of which certificate, against which CA's subtree. */
export function ncMessage(v: NcViolation, subject: string, constrainer: string): string {
  switch (v.code) {
    case 47:
      return `${v.name} (${v.nameType}) in ${subject} is outside ${constrainer}'s permitted ${v.nameType} subtree ${v.subtree ?? ''} (RFC 5280 §4.2.1.10)`;
    case 48:
      return `${v.name} (${v.nameType}) in ${subject} is inside ${constrainer}'s excluded ${v.nameType} subtree ${v.subtree ?? ''} (RFC 5280 §4.2.1.10)`;
    case 49:
      return `${constrainer} has a name constraint with a minimum or maximum, which OpenSSL does not support (RFC 5280 §4.2.1.10 says they must be absent)`;
    case 51:
      return `${constrainer} constrains ${v.nameType} names, a form OpenSSL cannot check, and ${subject} has one (${v.name})`;
    default:
      return `${v.name} (${v.nameType}) in ${subject} cannot be read as its type, so it cannot be checked against ${constrainer}'s name constraints`;
  }
}
