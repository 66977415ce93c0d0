import type { EkuEntry, PurposeId } from './types.js';

/** The RFC 5280 §4.2.1.12 KeyPurposeId OIDs of the six purposes the course teaches. */
export const PURPOSE_OIDS: Record<PurposeId, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
};

/** anyExtendedKeyUsage (RFC 5280 §4.2.1.12). */
export const ANY_EKU = '2.5.29.37.0';

/** The six purposes' OIDs and anyExtendedKeyUsage's, by their RFC 5280 names. */
export const EKU_OIDS: Record<PurposeId | 'anyExtendedKeyUsage', string> = {
  ...PURPOSE_OIDS,
  anyExtendedKeyUsage: ANY_EKU,
};

/** The RFC 5280 name of an EKU OID ("serverAuth"), or undefined when cert-tutor does not know it. */
export const ekuName = (oid: string): string | undefined => VOCABULARY[oid]?.name;

/**
 * Three vocabularies for one OID: the RFC 5280 name, OpenSSL's long name (what `openssl x509
 * -text` prints) and Windows' wording. The Windows strings are the display names the Windows
 * certificate dialogs show ("Server Authentication", "Ensures the identity of a remote computer");
 * they are not stored in the certificate (docs/pki-rules.md §3.5).
 */
const VOCABULARY: Record<
  string,
  { name: string; openSslName?: string; windowsTitle?: string; windowsName?: string }
> = {
  '1.3.6.1.5.5.7.3.1': {
    name: 'serverAuth',
    openSslName: 'TLS Web Server Authentication',
    windowsTitle: 'Server Authentication',
    windowsName: 'Ensures the identity of a remote computer',
  },
  '1.3.6.1.5.5.7.3.2': {
    name: 'clientAuth',
    openSslName: 'TLS Web Client Authentication',
    windowsTitle: 'Client Authentication',
    windowsName: 'Proves your identity to a remote computer',
  },
  '1.3.6.1.5.5.7.3.3': {
    name: 'codeSigning',
    openSslName: 'Code Signing',
    windowsTitle: 'Code Signing',
    windowsName:
      'Ensures software came from software publisher; Protects software from alteration after publication',
  },
  '1.3.6.1.5.5.7.3.4': {
    name: 'emailProtection',
    openSslName: 'E-mail Protection',
    windowsTitle: 'Secure Email',
    windowsName: 'Protects e-mail messages',
  },
  '1.3.6.1.5.5.7.3.8': {
    name: 'timeStamping',
    openSslName: 'Time Stamping',
    windowsTitle: 'Time Stamping',
    windowsName: 'Allows data to be signed with the current time',
  },
  '1.3.6.1.5.5.7.3.9': {
    name: 'OCSPSigning',
    openSslName: 'OCSP Signing',
    windowsTitle: 'OCSP Signing',
    windowsName: 'OCSP Signing',
  },
  '2.5.29.37.0': { name: 'anyExtendedKeyUsage', openSslName: 'Any Extended Key Usage' },
  '1.3.6.1.5.5.7.3.5': { name: 'ipsecEndSystem', openSslName: 'IPSec End System' },
  '1.3.6.1.5.5.7.3.6': { name: 'ipsecTunnel', openSslName: 'IPSec Tunnel' },
  '1.3.6.1.5.5.7.3.7': { name: 'ipsecUser', openSslName: 'IPSec User' },
  '1.3.6.1.5.5.7.3.10': { name: 'dvcs', openSslName: 'dvcs' },
  '1.3.6.1.5.5.7.3.17': { name: 'ipsecIKE', openSslName: 'ipsec Internet Key Exchange' },
  '1.3.6.1.4.1.311.10.3.3': { name: 'msSGC', openSslName: 'Microsoft Server Gated Crypto' },
  '2.16.840.1.113730.4.1': { name: 'nsSGC', openSslName: 'Netscape Server Gated Crypto' },
  '1.3.6.1.4.1.311.20.2.2': { name: 'msSmartcardLogin', openSslName: 'Microsoft Smartcard Login' },
  '1.3.6.1.4.1.311.10.3.4': { name: 'msEFS', openSslName: 'Microsoft Encrypted File System' },
  '1.3.6.1.4.1.311.2.1.21': { name: 'msCodeInd', openSslName: 'Microsoft Individual Code Signing' },
  '1.3.6.1.4.1.311.2.1.22': { name: 'msCodeCom', openSslName: 'Microsoft Commercial Code Signing' },
  '1.3.6.1.4.1.311.10.3.1': { name: 'msCTLSign', openSslName: 'Microsoft Trust List Signing' },
  '1.3.6.1.5.2.3.4': { name: 'pkInitClientAuth', openSslName: 'PKINIT Client Auth' },
  '1.3.6.1.5.2.3.5': { name: 'pkInitKDC', openSslName: 'Signing KDC Response' },
  '1.3.6.1.4.1.11129.2.4.4': { name: 'ctPrecertificateSigner', openSslName: 'CT Precertificate Signer' },
};

/** An EKU entry with every name we know for its OID (the OID itself when unknown). */
export function ekuEntry(oid: string): EkuEntry {
  const v = VOCABULARY[oid];
  if (!v) return { oid, name: oid };
  const e: EkuEntry = { oid, name: v.name };
  if (v.openSslName) e.openSslName = v.openSslName;
  if (v.windowsTitle) e.windowsTitle = v.windowsTitle;
  if (v.windowsName) e.windowsName = v.windowsName;
  return e;
}

/** An EKU OID as a reader sees it: "Microsoft Encrypted File System (1.3.6.1.4.1.311.10.3.4)", or the bare OID when unknown. */
export function ekuLabel(oid: string): string {
  const e = ekuEntry(oid);
  const name = e.openSslName ?? e.name;
  return name === oid ? oid : `${name} (${oid})`;
}
