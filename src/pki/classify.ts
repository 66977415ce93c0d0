import { ANY_EKU, ekuEntry, ekuLabel, PURPOSE_OIDS } from './eku-names.js';
import type { CertKind, EkuEntry, PurposeId, Role, SubjectAltNameEntry } from './types.js';

/** What the one-word kind and the summary are computed from. */
export interface ClassifyInput {
  role: Role;
  selfIssued: boolean;
  selfSigned: boolean;
  purposes: Record<PurposeId, boolean>;
  purposeReasons: Record<PurposeId, string>;
  eku: { oids: string[] } | null;
  keyCertSign: boolean;
  /** basicConstraints cA TRUE (false for a v1 root). */
  cA: boolean;
  unknownCritical: string[];
  subjectText: string;
  commonName?: string;
  subjectAltName: SubjectAltNameEntry[];
  validity: 'valid' | 'expired' | 'not yet valid';
  notBefore: string;
  notAfter: string;
}

const ORDER: [PurposeId, CertKind][] = [
  ['codeSigning', 'code signing'],
  ['emailProtection', 'e-mail'],
  ['timeStamping', 'time stamping'],
  ['OCSPSigning', 'OCSP signing'],
];

/**
 * The EKU OIDs outside the six purposes cert-tutor judges (and anyExtendedKeyUsage): Windows EFS,
 * smart-card logon, document signing... A certificate whose EKU names only such purposes is not
 * "unusable": it may be used for them, which this engine does not judge (RFC 5280 §4.2.1.12).
 */
function otherPurposes(x: ClassifyInput): string[] {
  const judged = new Set<string>([...Object.values(PURPOSE_OIDS), ANY_EKU]);
  return x.eku?.oids.filter((o) => !judged.has(o)) ?? [];
}

/** One word a learner understands (types.ts CertKind). */
export function kindOf(x: ClassifyInput): CertKind {
  if (x.role === 'root CA' || x.role === 'intermediate CA') return x.role;
  const p = x.purposes;
  if (!Object.values(p).some(Boolean)) return otherPurposes(x).length ? 'other purpose' : 'unusable';
  if (!x.eku || x.eku.oids.includes(ANY_EKU)) return 'unrestricted';
  if (p.serverAuth && p.clientAuth) return 'server+client';
  if (p.serverAuth) return 'server';
  if (p.clientAuth) return 'client';
  for (const [id, kind] of ORDER) if (p[id]) return kind;
  return 'unusable';
}

/** Windows-style "This certificate is intended for the following purpose(s)" lines. */
export function intendedPurposes(eku: { oids: string[] } | null, role: Role): string[] {
  if (!eku)
    return role === 'end entity'
      ? ['All application policies']
      : ['All issuance policies', 'All application policies'];
  const lines: string[] = [];
  for (const oid of eku.oids) {
    const e: EkuEntry = ekuEntry(oid);
    if (oid === ANY_EKU) lines.push('Any purpose (anyExtendedKeyUsage)');
    else if (e.windowsName) lines.push(...e.windowsName.split('; '));
    else lines.push(e.openSslName ? `${e.openSslName} (${oid})` : oid);
  }
  return lines;
}

function subjectLabel(x: ClassifyInput): string {
  const host = x.subjectAltName.find((s) => s.type === 'dns' || s.type === 'ip');
  const email = x.subjectAltName.find((s) => s.type === 'email');
  return host?.value ?? x.commonName ?? email?.value ?? (x.subjectText || 'an empty subject');
}

const NOUN: Record<CertKind, string> = {
  server: 'Server certificate',
  client: 'Client certificate',
  'server+client': 'Server and client certificate',
  'root CA': 'Root CA certificate',
  'intermediate CA': 'Intermediate CA certificate',
  'code signing': 'Code-signing certificate',
  'e-mail': 'E-mail (S/MIME) certificate',
  'time stamping': 'Time-stamping certificate',
  'OCSP signing': 'OCSP-signing certificate',
  'other purpose': 'Certificate for other purposes',
  unrestricted: 'Certificate with no EKU restriction',
  unusable: 'Unusable certificate',
};

const stripYesNo = (s: string) => s.replace(/^(Yes|No): /, '');

/** The conclusion first, in one or two sentences. */
export function summaryOf(x: ClassifyInput, kind: CertKind): string {
  const who = subjectLabel(x);
  let s: string;
  if (kind === 'root CA' || kind === 'intermediate CA') {
    const basis = x.cA
      ? 'basicConstraints cA TRUE'
      : 'a version 1 certificate, a CA only by out-of-band trust: RFC 5280 §6.1.4(k)';
    const signs = x.keyCertSign
      ? `it can sign certificates (${basis})`
      : 'but its keyUsage lacks keyCertSign, so it may not sign certificates (RFC 5280 §4.2.1.3)';
    const how =
      kind === 'root CA'
        ? 'self-signed, a trust anchor only if installed as trusted'
        : x.selfIssued
          ? 'self-issued, but its own key does not verify its signature'
          : 'issued by another CA';
    s = `${NOUN[kind]} for ${who} (${how}); ${signs}`;
  } else if (kind === 'unusable') {
    // Explain with a purpose the EKU actually names, when it names one of the six.
    const named = (Object.keys(x.purposeReasons) as PurposeId[]).find((p) =>
      x.eku?.oids.includes(PURPOSE_OIDS[p]),
    );
    const reason = stripYesNo(x.purposeReasons[named ?? 'serverAuth']);
    s = `${NOUN[kind]} for ${who}: ${reason}; no purpose is left (RFC 5280 §4.2.1.12)`;
  } else if (kind === 'other purpose') {
    const names = otherPurposes(x).map(ekuLabel);
    s = `${NOUN[kind]} for ${who}: its EKU names ${names.join(', ')}, none of TLS server or client, code signing, e-mail, time stamping or OCSP signing; use it only for what its EKU names (RFC 5280 §4.2.1.12)`;
  } else if (kind === 'server') {
    s = `${NOUN[kind]} for ${who}; cannot be used as a client certificate: ${stripYesNo(x.purposeReasons.clientAuth).replace(/, not clientAuth \([0-9.]+\): RFC 5280 §4\.2\.1\.12$/, '')}`;
  } else if (kind === 'client') {
    s = `${NOUN[kind]} for ${who}; cannot be used as a server certificate: ${stripYesNo(x.purposeReasons.serverAuth).replace(/, not serverAuth \([0-9.]+\): RFC 5280 §4\.2\.1\.12$/, '')}`;
  } else if (kind === 'unrestricted') {
    const allowed = (Object.keys(x.purposes) as PurposeId[]).filter((p) => x.purposes[p]);
    const why = x.eku ? 'its EKU lists anyExtendedKeyUsage' : 'it has no EKU extension';
    s = `${NOUN[kind]} for ${who}: ${why}, so it may be used for ${allowed.join(', ')} (every purpose its keyUsage allows)`;
  } else {
    const oids = x.eku?.oids.map((o) => `${ekuEntry(o).name} (${o})`).join(', ') ?? '';
    s = `${NOUN[kind]} for ${who}; its EKU lists ${oids}`;
  }
  if (x.unknownCritical.length > 0 && kind !== 'unusable') {
    s += `; it has an unrecognised critical extension, so RFC 5280 §4.2 says to reject it`;
  }
  if (x.validity === 'expired') s += `. It expired on ${x.notAfter}`;
  if (x.validity === 'not yet valid') s += `. It is not valid before ${x.notBefore}`;
  return `${s}.`;
}
