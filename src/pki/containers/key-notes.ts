import type { PrivateKeyReport } from '../types.js';

/** What each recorded KeySpec means once Windows imports the key (docs/pki-rules.md §3.1, §3.3, §3.4). */
const KEYSPEC_TEXT: Record<NonNullable<PrivateKeyReport['keySpec']>, string> = {
  AT_KEYEXCHANGE:
    'KeySpec AT_KEYEXCHANGE (attribute 0x10, as `openssl pkcs12 -keyex` writes; Windows KeySpec 1): imported into a legacy CSP, the key may decrypt (key exchange) and sign. A TLS server using RSA key transport (TLS 1.2 RSA cipher suites) needs this with a legacy CSP, and so does SQL Server encryption',
  AT_SIGNATURE:
    'KeySpec AT_SIGNATURE (attribute 0x80, as `openssl pkcs12 -keysig` writes; Windows KeySpec 2): imported into a legacy CSP, the key can only sign. That is enough for a TLS client certificate (the client only signs CertificateVerify) and for ECDHE or TLS 1.3 servers, but not for RSA key transport or SQL Server encryption',
  'not recorded':
    'KeySpec not recorded (no attribute 2.5.29.15): Windows decides at import from its flags; with PKCS12_PREFER_CNG_KSP it uses the CSP the file names, otherwise a CNG key storage provider, whose keys have KeySpec 0',
};

/**
 * One-line notes that explain each key of a file: which certificate it belongs to, its PKCS#12
 * bag attributes and, for a PFX, the Windows KeySpec and CSP it records. Never any key material.
 */
export function keyNotes(
  keys: readonly PrivateKeyReport[],
  certificateCount: number,
  isPkcs12: boolean,
): string[] {
  const notes: string[] = [];
  keys.forEach((k, i) => {
    const n = `key ${i + 1}`;
    if (k.matchesCertificate !== undefined)
      notes.push(`${n} belongs to certificate ${k.matchesCertificate + 1} (same public key)`);
    else if (certificateCount > 0 && k.algorithm !== 'unknown until decrypted') {
      notes.push(`${n} matches none of the certificates in this file (no certificate has its public key)`);
    }
    const attrs = [
      k.friendlyName !== undefined && `friendlyName "${k.friendlyName}"`,
      k.localKeyId && `localKeyID ${k.localKeyId}`,
    ].filter(Boolean);
    if (attrs.length) notes.push(`${n}: ${attrs.join(', ')}`);
    if (isPkcs12 && k.keySpec) notes.push(`${n}: ${KEYSPEC_TEXT[k.keySpec]}`);
    if (k.cspName)
      notes.push(
        `${n}: Microsoft CSP name "${k.cspName}" (attribute 1.3.6.1.4.1.311.17.1): Windows imports the key into this legacy provider, not a CNG one`,
      );
  });
  return notes;
}
