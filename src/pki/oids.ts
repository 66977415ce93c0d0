/** OID tables: attribute short names, extension names, signature and key algorithms. */

const DN_SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

/** The RFC 4514 / OpenSSL short name of a DN attribute, or its OID. */
export function dnShortName(oid: string): string {
  return DN_SHORT[oid] ?? oid;
}

/** Extension OIDs the engine names; `known` = OpenSSL 3.0 processes it during verification. */
export const EXTENSIONS: Record<string, { name: string; known: boolean }> = {
  '2.5.29.14': { name: 'subjectKeyIdentifier', known: true },
  '2.5.29.15': { name: 'keyUsage', known: true },
  '2.5.29.17': { name: 'subjectAltName', known: true },
  '2.5.29.18': { name: 'issuerAltName', known: true },
  '2.5.29.19': { name: 'basicConstraints', known: true },
  '2.5.29.30': { name: 'nameConstraints', known: true },
  '2.5.29.31': { name: 'cRLDistributionPoints', known: true },
  '2.5.29.32': { name: 'certificatePolicies', known: true },
  '2.5.29.33': { name: 'policyMappings', known: true },
  '2.5.29.35': { name: 'authorityKeyIdentifier', known: true },
  '2.5.29.36': { name: 'policyConstraints', known: true },
  '2.5.29.37': { name: 'extKeyUsage', known: true },
  '2.5.29.46': { name: 'freshestCRL', known: true },
  '2.5.29.54': { name: 'inhibitAnyPolicy', known: true },
  '2.5.29.9': { name: 'subjectDirectoryAttributes', known: true },
  '1.3.6.1.5.5.7.1.1': { name: 'authorityInfoAccess', known: true },
  '1.3.6.1.5.5.7.1.11': { name: 'subjectInfoAccess', known: true },
  '1.3.6.1.5.5.7.1.3': { name: 'qcStatements', known: true },
  '1.3.6.1.5.5.7.1.7': { name: 'ipAddrBlocks', known: true },
  '1.3.6.1.5.5.7.1.8': { name: 'autonomousSysIds', known: true },
  '1.3.6.1.5.5.7.1.14': { name: 'proxyCertInfo', known: true },
  '1.3.6.1.5.5.7.1.24': { name: 'tlsFeature', known: true },
  '1.3.6.1.5.5.7.48.1.5': { name: 'ocspNoCheck', known: true },
  '1.3.6.1.4.1.11129.2.4.2': { name: 'ctSignedCertificateTimestamps', known: true },
  '1.3.6.1.4.1.11129.2.4.3': { name: 'ctPrecertificatePoison', known: true },
  '2.16.840.1.113730.1.1': { name: 'nsCertType', known: true },
  '2.16.840.1.113730.1.13': { name: 'nsComment', known: true },
  '1.3.6.1.4.1.311.20.2': { name: 'msCertificateTemplateName', known: false },
  '1.3.6.1.4.1.311.21.7': { name: 'msCertificateTemplate', known: false },
  '1.3.6.1.4.1.311.21.10': { name: 'msApplicationPolicies', known: false },
  '1.3.6.1.4.1.311.25.2': { name: 'msNtdsCaSecurity (SID)', known: false },
  '1.3.6.1.4.1.311.21.1': { name: 'msCAVersion', known: false },
};

/**
 * Extensions OpenSSL 3.0 "supports" for criticality (X509_supported_extension): a critical
 * extension outside this list makes `openssl verify` fail with "unhandled critical extension".
 */
export const OPENSSL_SUPPORTED_CRITICAL = new Set([
  '2.16.840.1.113730.1.1',
  '2.5.29.15',
  '2.5.29.17',
  '2.5.29.19',
  '2.5.29.32',
  '2.5.29.31',
  '2.5.29.37',
  '1.3.6.1.5.5.7.1.7',
  '1.3.6.1.5.5.7.1.8',
  '1.3.6.1.5.5.7.48.1.5',
  '2.5.29.36',
  '1.3.6.1.5.5.7.1.14',
  '2.5.29.30',
  '2.5.29.33',
  '2.5.29.54',
]);

/** Signature algorithm OIDs: display name, hash for node:crypto, and the key type that signs. */
export const SIGNATURE_ALGORITHMS: Record<string, { name: string; hash: string | null; key: string }> = {
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', hash: 'md5', key: 'rsa' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'sha1', key: 'rsa' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'sha256', key: 'rsa' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'sha384', key: 'rsa' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'sha512', key: 'rsa' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', hash: 'sha224', key: 'rsa' },
  '1.2.840.113549.1.1.10': { name: 'rsassaPss', hash: null, key: 'rsa' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'sha1', key: 'ec' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', hash: 'sha224', key: 'ec' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'sha256', key: 'ec' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'sha384', key: 'ec' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'sha512', key: 'ec' },
  '1.3.101.112': { name: 'Ed25519', hash: null, key: 'ed25519' },
  '1.3.101.113': { name: 'Ed448', hash: null, key: 'ed448' },
  '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', hash: 'sha1', key: 'dsa' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-SHA256', hash: 'sha256', key: 'dsa' },
};

/** Public key algorithm OIDs and what OpenSSL calls the key type. */
export const KEY_ALGORITHMS: Record<string, { name: string; key: string }> = {
  '1.2.840.113549.1.1.1': { name: 'RSA', key: 'rsa' },
  '1.2.840.113549.1.1.10': { name: 'RSA-PSS', key: 'rsa-pss' },
  '1.2.840.10045.2.1': { name: 'EC', key: 'ec' },
  '1.3.101.112': { name: 'Ed25519', key: 'ed25519' },
  '1.3.101.113': { name: 'Ed448', key: 'ed448' },
  '1.3.101.110': { name: 'X25519', key: 'x25519' },
  '1.3.101.111': { name: 'X448', key: 'x448' },
  '1.2.840.10040.4.1': { name: 'DSA', key: 'dsa' },
};

/** Named curves by OID. */
export const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
};
