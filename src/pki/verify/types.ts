import type { OpenSslErrorCode } from './errors.js';

/** The purposes `openssl verify -purpose` knows in 3.0, plus code signing (see purpose.ts). */
export type VerifyPurpose =
  | 'sslclient'
  | 'sslserver'
  | 'nssslserver'
  | 'smimesign'
  | 'smimeencrypt'
  | 'crlsign'
  | 'any'
  | 'ocsphelper'
  | 'timestampsign'
  | 'codesign';

export interface VerifyInput {
  /** The certificate to verify (DER). */
  leaf: Uint8Array;
  /** Certificates that may complete the chain but are not trusted (DER). */
  untrusted: Uint8Array[];
  /** Trust anchors (DER): only self-signed ones end a chain. */
  trusted: Uint8Array[];
  at: Date;
  purpose?: VerifyPurpose;
  host?: string;
  ip?: string;
  email?: string;
  /** CRLs (DER) to check revocation against (openssl verify -CRLfile); none: no revocation check. */
  crls?: Uint8Array[];
  /** Check every certificate of the chain (-crl_check_all), not only the leaf (-crl_check). */
  crlCheckAll?: boolean;
}

export interface VerifyError {
  code: OpenSslErrorCode;
  depth: number;
  /** OpenSSL's text for the code, e.g. "permitted subtree violation". */
  text: string;
}

/** One check at one depth, in plain words, with OpenSSL's error beside it when it fails. */
export interface VerifyCheck {
  depth: number;
  check:
    | 'issuer'
    | 'trust'
    | 'critical-extensions'
    | 'ca'
    | 'explicit-curve'
    | 'purpose'
    | 'path-length'
    | 'identity'
    | 'revocation'
    | 'key-usage'
    | 'signature'
    | 'validity'
    | 'name-constraints';
  ok: boolean;
  message: string;
  error?: VerifyError;
}

export interface VerifyChainEntry {
  depth: number;
  subject: string;
  issuer: string;
  /** leaf, untrusted (given with --untrusted) or trusted (from the trust store). */
  source: 'leaf' | 'untrusted' | 'trusted';
  notBefore: string;
  notAfter: string;
}

export interface VerifyResult {
  valid: boolean;
  /** The first error, as `openssl verify` reports it first; null when valid. */
  error: VerifyError | null;
  chain: VerifyChainEntry[];
  checks: VerifyCheck[];
  /** Problems OpenSSL's verify passes: weak keys and digests, the RFC's reading of notAfter. */
  warnings: string[];
}
