/**
 * OpenSSL 3.0's verification error numbers and texts (X509_V_ERR_* in x509_vfy.h, the strings of
 * X509_verify_cert_error_string), for the checks the validator models.
 */
export const OPENSSL_ERRORS = {
  2: 'unable to get issuer certificate',
  3: 'unable to get certificate CRL',
  7: 'certificate signature failure',
  8: 'CRL signature failure',
  9: 'certificate is not yet valid',
  10: 'certificate has expired',
  11: 'CRL is not yet valid',
  12: 'CRL has expired',
  13: "format error in certificate's notBefore field",
  14: "format error in certificate's notAfter field",
  18: 'self-signed certificate',
  19: 'self-signed certificate in certificate chain',
  20: 'unable to get local issuer certificate',
  23: 'certificate revoked',
  25: 'path length constraint exceeded',
  26: 'unsuitable certificate purpose',
  32: 'key usage does not include certificate signing',
  34: 'unhandled critical extension',
  47: 'permitted subtree violation',
  48: 'excluded subtree violation',
  49: 'name constraints minimum and maximum not supported',
  51: 'unsupported name constraint type',
  53: 'unsupported or invalid name syntax',
  62: 'hostname mismatch',
  63: 'email address mismatch',
  64: 'IP address mismatch',
  66: 'EE certificate key too weak',
  67: 'CA certificate key too weak',
  68: 'CA signature digest algorithm too weak',
  79: 'invalid CA certificate',
  94: 'Certificate public key has explicit ECC parameters',
} as const;

export type OpenSslErrorCode = keyof typeof OPENSSL_ERRORS;
