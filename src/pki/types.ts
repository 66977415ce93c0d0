/**
 * The plain, serialisable data the certificate engine returns. Every front end (inspect, the TUI,
 * the line mode, quizzes, labs) reads these shapes and never parses certificates itself.
 * Names follow RFC 5280 (notBefore, subjectAltName, basicConstraints.cA, keyCertSign, ...).
 */

/** The six RFC 5280 §4.2.1.12 purposes the course teaches. */
export type PurposeId =
  | 'serverAuth'
  | 'clientAuth'
  | 'codeSigning'
  | 'emailProtection'
  | 'timeStamping'
  | 'OCSPSigning';

export const PURPOSE_IDS: readonly PurposeId[] = [
  'serverAuth',
  'clientAuth',
  'codeSigning',
  'emailProtection',
  'timeStamping',
  'OCSPSigning',
];

/** RFC 5280 §3.2 roles. A root is a self-signed CA; an intermediate is any other CA. */
export type Role = 'root CA' | 'intermediate CA' | 'end entity';

/** One word a learner understands. */
export type CertKind =
  | 'server'
  | 'client'
  | 'server+client'
  | 'root CA'
  | 'intermediate CA'
  | 'code signing'
  | 'e-mail'
  | 'time stamping'
  | 'OCSP signing'
  | 'other purpose'
  | 'unrestricted'
  | 'unusable';

export const CERT_KINDS: readonly CertKind[] = [
  'server',
  'client',
  'server+client',
  'root CA',
  'intermediate CA',
  'code signing',
  'e-mail',
  'time stamping',
  'OCSP signing',
  'other purpose',
  'unrestricted',
  'unusable',
];

/**
 * The rows `openssl x509 -noout -purpose` prints in OpenSSL 3.0.x, in its order (docs/pki-rules.md §2.1).
 * 3.0.x has no "Code signing" row.
 */
export const OPENSSL_ROWS = [
  'SSL client',
  'SSL client CA',
  'SSL server',
  'SSL server CA',
  'Netscape SSL server',
  'Netscape SSL server CA',
  'S/MIME signing',
  'S/MIME signing CA',
  'S/MIME encryption',
  'S/MIME encryption CA',
  'CRL signing',
  'CRL signing CA',
  'Any Purpose',
  'Any Purpose CA',
  'OCSP helper',
  'OCSP helper CA',
  'Time Stamp signing',
  'Time Stamp signing CA',
] as const;
export type OpenSslRow = (typeof OPENSSL_ROWS)[number];

/** Key Usage bit names of RFC 5280 §4.2.1.3, in bit order. */
export type KeyUsageBit =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export type Severity = 'error' | 'warning' | 'info';

/** Stable finding codes (inspect --json, quizzes and lessons refer to them). */
export type FindingCode =
  | 'ku-eku-disjoint' // KU and EKU agree on no purpose (RFC 5280 §4.2.1.12)
  | 'any-eku-only' // EKU is anyExtendedKeyUsage alone (OpenSSL refuses it for TLS and S/MIME)
  | 'eku-critical' // EKU marked critical
  | 'ca-with-eku' // a CA certificate carries an EKU (narrows everything below it)
  | 'keycertsign-without-ca' // KU keyCertSign but basicConstraints absent or cA FALSE (§4.2.1.3)
  | 'ca-without-keycertsign' // cA TRUE but KU lacks keyCertSign (§4.2.1.3, §6.1.4(n))
  | 'v1-certificate' // X.509 v1: no extensions at all
  | 'expired' // now > notAfter
  | 'not-yet-valid' // now < notBefore
  | 'hostname-only-in-cn' // a DNS-looking CN and no DNS/IP subjectAltName (RFC 9110 §4.3.4)
  | 'unknown-critical-extension' // MUST reject (§4.2)
  | 'self-signed-end-entity' // trusted only when pinned or installed
  | 'empty-key-usage' // KU present with no bit set (§4.2.1.3; OpenSSL marks it invalid)
  | 'invalid-extensions' // an extension cannot be decoded (OpenSSL: every row "Yes (WARNING code=-1)")
  | 'control-characters'; // a name or SAN holds control or bidi characters (shown escaped, src/escape.ts)

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One sentence naming the field and the rule, e.g. "...: RFC 5280 §4.2.1.12". */
  message: string;
}

export interface NameInfo {
  /** RFC 4514-style string, e.g. "CN=www.example.test, O=cert-tutor". */
  text: string;
  commonName?: string;
}

export interface SubjectAltNameEntry {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'upn' | 'dn' | 'other';
  value: string;
}

export interface EkuEntry {
  oid: string;
  /** RFC 5280 name (serverAuth, clientAuth, ...) or a known name, else the OID. */
  name: string;
  /** OpenSSL's long name ("TLS Web Server Authentication"), when it has one. */
  openSslName?: string;
  /** Windows' wording ("Ensures the identity of a remote computer"), when it has one. */
  windowsName?: string;
  /** Windows' short title ("Server Authentication"), when it has one. */
  windowsTitle?: string;
}

export interface ExtensionInfo {
  oid: string;
  name: string;
  critical: boolean;
  /** Whether the engine (and OpenSSL 3.0) recognises and processes this extension. */
  known: boolean;
  /** The value decoded (AIA, CRL DP, policies, name constraints, key ids, SCTs, ...), when the engine reads it. */
  value?: Record<string, unknown>;
  /** The same value as short lines for a card. */
  lines?: string[];
}

export interface PublicKeyInfo {
  algorithm: string; // 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | OID
  size?: number; // bits, for RSA/DSA; field size for EC
  curve?: string; // 'P-256', ...
}

/** One certificate, described. */
export interface CertificateReport {
  /** Position of the certificate in its file (0-based). */
  index: number;
  subject: NameInfo;
  issuer: NameInfo;
  /** Hex, upper case, colon-free, leading zero bytes of the DER INTEGER dropped. */
  serialNumber: string;
  notBefore: string; // ISO 8601
  notAfter: string; // ISO 8601
  validity: { status: 'valid' | 'expired' | 'not yet valid'; at: string };
  /** 1, 2 or 3 (the human number, not the DER value). */
  version: number;
  sha1: string; // hex, upper case, colon-separated
  sha256: string;
  signatureAlgorithm: string;
  publicKey: PublicKeyInfo;
  selfIssued: boolean;
  selfSigned: boolean;
  role: Role;
  keyUsage: { critical: boolean; bits: KeyUsageBit[] } | null;
  extendedKeyUsage: { critical: boolean; usages: EkuEntry[] } | null;
  basicConstraints: { critical: boolean; cA: boolean; pathLenConstraint?: number } | null;
  subjectAltName: SubjectAltNameEntry[];
  extensions: ExtensionInfo[];
  /** RFC 5280 reading: EKU (absent = unrestricted) and KU consistency, per purpose. */
  purposes: Record<PurposeId, boolean>;
  /** Why each purpose is allowed or not, naming the field and rule. */
  purposeReasons: Record<PurposeId, string>;
  /** OpenSSL 3.0's `-purpose` rows: true for "Yes" and "Yes (WARNING ...)". */
  openssl: Record<OpenSslRow, boolean>;
  /** The exact text OpenSSL prints after the colon: "Yes", "No", "Yes (WARNING code=3)". */
  opensslText: Record<OpenSslRow, string>;
  kind: CertKind;
  /** Windows-style "This certificate is intended for ..." lines. */
  intendedPurposes: string[];
  /** The conclusion first, in one or two sentences. */
  summary: string;
  findings: Finding[];
}

/** One link of a chain, checked (issuer name, signature, cA, keyCertSign, dates at `now`). */
export interface ChainLink {
  /** Index of the certificate (in the combined list) this link goes from. */
  child: number;
  /** Index of its issuer, or null when the issuer was not given. */
  parent: number | null;
  issuerNameMatches: boolean;
  signatureValid: boolean;
  issuerIsCA: boolean;
  issuerHasKeyCertSign: boolean;
  datesValid: boolean;
  problems: string[];
}

export interface ChainReport {
  /** Indexes into the combined certificate list, leaf first. */
  order: number[];
  links: ChainLink[];
  /** Ends at a self-signed certificate. */
  complete: boolean;
  /** What is missing, e.g. "the issuer of CN=Teaching Intermediate CA (CN=Teaching Root CA) was not given". */
  missing: string[];
}

/** A private key found in a file or container: described, never shown. */
export interface PrivateKeyReport {
  algorithm: string;
  size?: number;
  curve?: string;
  encrypted: boolean;
  /** PEM label or container, e.g. 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'PKCS#12 shrouded key bag'. */
  format: string;
  /** Index of the certificate (in the file's list) whose public key matches, if known. */
  matchesCertificate?: number;
  friendlyName?: string;
  localKeyId?: string;
  /** Windows KeySpec from the PKCS#8 attribute 2.5.29.15: 0x10 → AT_KEYEXCHANGE, 0x80 → AT_SIGNATURE. */
  keySpec?: 'AT_KEYEXCHANGE' | 'AT_SIGNATURE' | 'not recorded';
  /** Microsoft CSP name attribute 1.3.6.1.4.1.311.17.1. */
  cspName?: string;
}

export type FileFormat = 'PEM' | 'DER' | 'PKCS#7' | 'PKCS#12' | 'private key' | 'CSR' | 'CRL' | 'unknown';

/** A certificate revocation list (RFC 5280 §5), as inspect shows it. */
export interface CrlReport {
  issuer: string;
  version: number;
  signatureAlgorithm: string;
  thisUpdate: string;
  nextUpdate: string | null;
  /** At the time inspected: before thisUpdate, after nextUpdate, or between. */
  status: 'current' | 'expired' | 'not yet valid';
  at: string;
  crlNumber?: string;
  authorityKeyId?: string;
  extensions: { name: string; oid: string; critical: boolean }[];
  /** Every revoked certificate: serial (hex), date, reason and invalidity date when given. */
  entries: { serial: string; revocationDate: string; reason?: string; invalidityDate?: string }[];
  /** Certificates of the other files inspected with it that are on it (by issuer name and serial). */
  revokedHere?: { file: string; index: number; subject: string; reason?: string }[];
}

/** Everything learned from one file. */
export interface FileReport {
  path: string;
  format: FileFormat;
  /** One line when the file could not be read; certificates may still be partly listed. */
  error: string | null;
  /** Stable error code for the typed error ('not-found', 'no-certificate', 'wrong-password', ...). */
  errorCode?: string;
  certificates: CertificateReport[];
  chains: number[][];
  /** The same chains with every link checked (issuer name, signature, cA, keyCertSign, dates). */
  chainReports?: ChainReport[];
  hasPrivateKey: boolean;
  privateKeys: PrivateKeyReport[];
  /** Extra facts about a container (PFX protection, CSR contents...), each a short line. */
  notes: string[];
  /** The lesson that explains this kind of file. */
  lesson?: string;
  /** When the file is a CRL: what it says. */
  crl?: CrlReport;
}
