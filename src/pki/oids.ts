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

/** A table written as text, one row a line: an OID, then columns separated by spaces ('-' for none). */
function table<T>(text: string, row: (cells: string[]) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const line of text.split('\n')) {
    const [oid, ...cells] = line.trim().split(/\s+/);
    if (oid) out[oid] = row(cells);
  }
  return out;
}

/** Signature algorithm OIDs: display name, hash for node:crypto, and the key type that signs. */
export const SIGNATURE_ALGORITHMS: Record<string, { name: string; hash: string | null; key: string }> = table(
  `
  1.2.840.113549.1.1.4    md5WithRSAEncryption     md5     rsa
  1.2.840.113549.1.1.5    sha1WithRSAEncryption    sha1    rsa
  1.2.840.113549.1.1.11   sha256WithRSAEncryption  sha256  rsa
  1.2.840.113549.1.1.12   sha384WithRSAEncryption  sha384  rsa
  1.2.840.113549.1.1.13   sha512WithRSAEncryption  sha512  rsa
  1.2.840.113549.1.1.14   sha224WithRSAEncryption  sha224  rsa
  1.2.840.113549.1.1.10   rsassaPss                -       rsa
  1.2.840.10045.4.1       ecdsa-with-SHA1          sha1    ec
  1.2.840.10045.4.3.1     ecdsa-with-SHA224        sha224  ec
  1.2.840.10045.4.3.2     ecdsa-with-SHA256        sha256  ec
  1.2.840.10045.4.3.3     ecdsa-with-SHA384        sha384  ec
  1.2.840.10045.4.3.4     ecdsa-with-SHA512        sha512  ec
  1.3.101.112             Ed25519                  -       ed25519
  1.3.101.113             Ed448                    -       ed448
  1.2.840.10040.4.3       dsa-with-SHA1            sha1    dsa
  2.16.840.1.101.3.4.3.2  dsa-with-SHA256          sha256  dsa
`,
  ([name, hash, key]) => ({ name: name ?? '', hash: hash === '-' ? null : (hash ?? null), key: key ?? '' }),
);

/** Public key algorithm OIDs and what OpenSSL calls the key type. */
export const KEY_ALGORITHMS: Record<string, { name: string; key: string }> = table(
  `
  1.2.840.113549.1.1.1   RSA      rsa
  1.2.840.113549.1.1.10  RSA-PSS  rsa-pss
  1.2.840.10045.2.1      EC       ec
  1.3.101.112            Ed25519  ed25519
  1.3.101.113            Ed448    ed448
  1.3.101.110            X25519   x25519
  1.3.101.111            X448     x448
  1.2.840.10040.4.1      DSA      dsa
`,
  ([name, key]) => ({ name: name ?? '', key: key ?? '' }),
);

/** Named curves by OID. */
export const CURVES: Record<string, { name: string; bits: number }> = table(
  `
  1.2.840.10045.3.1.7  P-256      256
  1.3.132.0.34         P-384      384
  1.3.132.0.35         P-521      521
  1.3.132.0.10         secp256k1  256
  1.3.132.0.33         P-224      224
  1.2.840.10045.3.1.1  P-192      192
`,
  ([name, bits]) => ({ name: name ?? '', bits: Number(bits) }),
);

/**
 * Algorithms and content types a container (PKCS#12, PKCS#8, PKCS#7) names, as OpenSSL spells
 * them: password-based encryption and MACs, ciphers, digests. A name may hold spaces (the rest of
 * the line is the name).
 */
const CONTAINER_ALGORITHMS: Record<string, string> = Object.fromEntries(
  `
  1.2.840.113549.1.12.1.1    pbeWithSHAAnd128BitRC4
  1.2.840.113549.1.12.1.2    pbeWithSHAAnd40BitRC4
  1.2.840.113549.1.12.1.3    pbeWithSHAAnd3-KeyTripleDES-CBC
  1.2.840.113549.1.12.1.4    pbeWithSHAAnd2-KeyTripleDES-CBC
  1.2.840.113549.1.12.1.5    pbeWithSHAAnd128BitRC2-CBC
  1.2.840.113549.1.12.1.6    pbeWithSHAAnd40BitRC2-CBC
  1.2.840.113549.1.5.3       pbeWithMD5AndDES-CBC
  1.2.840.113549.1.5.10      pbeWithSHA1AndDES-CBC
  1.2.840.113549.1.5.12      PBKDF2
  1.2.840.113549.1.5.13      PBES2
  1.2.840.113549.1.5.14      PBMAC1
  1.3.6.1.4.1.11591.4.11     scrypt
  1.2.840.113549.2.7         hmacWithSHA1
  1.2.840.113549.2.8         hmacWithSHA224
  1.2.840.113549.2.9         hmacWithSHA256
  1.2.840.113549.2.10        hmacWithSHA384
  1.2.840.113549.2.11        hmacWithSHA512
  2.16.840.1.101.3.4.1.2     AES-128-CBC
  2.16.840.1.101.3.4.1.22    AES-192-CBC
  2.16.840.1.101.3.4.1.42    AES-256-CBC
  1.2.840.113549.3.7         DES-EDE3-CBC
  1.3.14.3.2.7               DES-CBC
  1.2.840.113549.3.2         RC2-CBC
  1.2.392.200011.61.1.1.1.2  CAMELLIA-128-CBC
  1.2.392.200011.61.1.1.1.4  CAMELLIA-256-CBC
  1.2.643.7.1.1.2.2          GOST R 34.11-2012 (256)
  1.3.14.3.2.26              SHA-1
  2.16.840.1.101.3.4.2.4     SHA-224
  2.16.840.1.101.3.4.2.1     SHA-256
  2.16.840.1.101.3.4.2.2     SHA-384
  2.16.840.1.101.3.4.2.3     SHA-512
  1.2.840.113549.2.5         MD5
  1.2.840.113549.1.7.1       data
  1.2.840.113549.1.7.2       signedData
  1.2.840.113549.1.7.3       envelopedData
  1.2.840.113549.1.7.6       encryptedData
`
    .split('\n')
    .map((l) => l.trim().match(/^(\S+)\s+(.+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

/** A container algorithm's or content type's name, or the OID itself when unknown. */
export function oidName(oid: string): string {
  return CONTAINER_ALGORITHMS[oid] ?? oid;
}

/** PKCS#9 / Microsoft bag attributes (docs/pki-rules.md §3.3). */
export const ATTR_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
export const ATTR_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
export const ATTR_MS_CSP_NAME = '1.3.6.1.4.1.311.17.1';
export const ATTR_MS_LOCAL_MACHINE = '1.3.6.1.4.1.311.17.2';
/** KeySpec travels as this (X.509 keyUsage) OID inside the PKCS#8 attributes (docs/pki-rules.md §3.3). */
export const ATTR_KEY_USAGE = '2.5.29.15';
