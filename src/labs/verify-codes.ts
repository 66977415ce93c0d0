/**
 * OpenSSL's certificate verification errors as Node names them (the X509_V_ERR_ name without its
 * prefix), with OpenSSL 3.0's number and text (X509_verify_cert_error_string), and TLS alerts.
 * Node's server hands out only the code (`authorizationError`), so the text comes from here.
 */

interface VerifyCode {
  number: number;
  text: string;
}

const VERIFY_CODES: Record<string, VerifyCode> = {
  UNABLE_TO_GET_ISSUER_CERT: { number: 2, text: 'unable to get issuer certificate' },
  CERT_SIGNATURE_FAILURE: { number: 7, text: 'certificate signature failure' },
  CERT_NOT_YET_VALID: { number: 9, text: 'certificate is not yet valid' },
  CERT_HAS_EXPIRED: { number: 10, text: 'certificate has expired' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { number: 18, text: 'self-signed certificate' },
  SELF_SIGNED_CERT_IN_CHAIN: { number: 19, text: 'self-signed certificate in certificate chain' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { number: 20, text: 'unable to get local issuer certificate' },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { number: 21, text: 'unable to verify the first certificate' },
  CERT_CHAIN_TOO_LONG: { number: 22, text: 'certificate chain too long' },
  UNABLE_TO_GET_CRL: { number: 3, text: 'unable to get certificate CRL' },
  CERT_REVOKED: { number: 23, text: 'certificate revoked' },
  INVALID_CA: { number: 24, text: 'invalid CA certificate' },
  PATH_LENGTH_EXCEEDED: { number: 25, text: 'path length constraint exceeded' },
  INVALID_PURPOSE: { number: 26, text: 'unsuitable certificate purpose' },
  CERT_UNTRUSTED: { number: 27, text: 'certificate not trusted' },
  CERT_REJECTED: { number: 28, text: 'certificate rejected' },
  KEYUSAGE_NO_CERTSIGN: { number: 32, text: 'key usage does not include certificate signing' },
  UNHANDLED_CRITICAL_EXTENSION: { number: 34, text: 'unhandled critical extension' },
  HOSTNAME_MISMATCH: { number: 62, text: 'hostname mismatch' },
};

/** OpenSSL's number and text for a Node verify code, or undefined for codes outside the table. */
export function lookupVerifyCode(code: string): VerifyCode | undefined {
  return VERIFY_CODES[code];
}

/** Every code in the table (tests compare each text with `openssl verify`). */
export const KNOWN_VERIFY_CODES = Object.keys(VERIFY_CODES);

/** TLS alert descriptions (RFC 8446 §6) that the labs can meet. */
const ALERTS: Record<number, string> = {
  40: 'handshake_failure',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  48: 'unknown_ca',
  51: 'decrypt_error',
  80: 'internal_error',
  112: 'unrecognized_name',
  116: 'certificate_required',
};

/**
 * Reads the alert a peer sent out of OpenSSL's error string ("... SSL alert number 116").
 * Returns undefined when the error was not a received alert.
 */
export function alertFromMessage(message: string): { number: number; name: string } | undefined {
  const m = message.match(/SSL alert number (\d+)/);
  if (!m?.[1]) return undefined;
  const number = Number(m[1]);
  return { number, name: ALERTS[number] ?? `alert ${number}` };
}

/**
 * OpenSSL's reason text out of an error string such as
 * "80AC...:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:../deps/...".
 */
export function openSslReason(message: string): string {
  const m = message.match(/error:[0-9A-F]+:[^:]*:[^:]*:([^:]+)/);
  return (m?.[1] ?? message).trim();
}
