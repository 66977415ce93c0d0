import type { CertificateReport, CertKind, PurposeId } from '../pki/types.js';

/** Yes/no choices, always in this order. */
export const YES_NO = ['yes', 'no'];

/** The answer text of a yes/no question. */
export const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** RFC 5280 §4.2.1.12 KeyPurposeId OIDs, with anyExtendedKeyUsage (one table: src/pki/eku-names.ts). */
export { EKU_OIDS as PURPOSE_OIDS } from '../pki/eku-names.js';

/** The purpose that makes an end-entity certificate the given kind, for "which OID decides it?". */
export const KIND_PURPOSE: Partial<Record<CertKind, PurposeId>> = {
  server: 'serverAuth',
  'server+client': 'clientAuth',
  client: 'clientAuth',
  'code signing': 'codeSigning',
  'e-mail': 'emailProtection',
  'time stamping': 'timeStamping',
  'OCSP signing': 'OCSPSigning',
};

/** What each purpose lets a certificate do, in words. */
export const PURPOSE_WORDS: Record<PurposeId, string> = {
  serverAuth: 'authenticate a TLS server',
  clientAuth: 'authenticate a TLS client',
  codeSigning: 'sign code',
  emailProtection: 'protect e-mail (S/MIME)',
  timeStamping: 'sign time stamps',
  OCSPSigning: 'sign OCSP responses',
};

/** "CN=www.example.test" style short name of a certificate's subject. */
export const certName = (c: CertificateReport) =>
  c.subject.commonName ? `CN=${c.subject.commonName}` : c.subject.text || '(empty subject)';

/** The EKU in words: "serverAuth (1.3.6.1.5.5.7.3.1)", or that it is absent. */
export function ekuWords(c: CertificateReport): string {
  if (!c.extendedKeyUsage) return 'it has no Extended Key Usage extension';
  const list = c.extendedKeyUsage.usages.map((u) => (u.name === u.oid ? u.oid : `${u.name} (${u.oid})`));
  return `its Extended Key Usage lists ${list.join(', ')}`;
}
