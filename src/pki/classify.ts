import { ANY_EKU, ekuEntry } from './eku-names.js';
import type { CertKind, EkuEntry, PurposeId, Role, SubjectAltNameEntry } from './types.js';

/** What the one-word kind and the summary are computed from. */
export interface ClassifyInput {
  role: Role;
  selfSigned: boolean;
  purposes: Record<PurposeId, boolean>;
  purposeReasons: Record<PurposeId, string>;
  eku: { oids: string[] } | null;
  keyCertSign: boolean;
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

/** One word a learner understands (types.ts CertKind). */
export function kindOf(x: ClassifyInput): CertKind {
  if (x.role === 'root CA' || x.role === 'intermediate CA') return x.role;
  const p = x.purposes;
  if (!Object.values(p).some(Boolean)) return 'unusable';
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
  unrestricted: 'Certificate with no EKU restriction',
  unusable: 'Unusable certificate',
};

const stripYesNo = (s: string) => s.replace(/^(Yes|No): /, '');

/** The conclusion first, in one or two sentences. */
export function summaryOf(x: ClassifyInput, kind: CertKind): string {
  const who = subjectLabel(x);
  let s: string;
  if (kind === 'root CA' || kind === 'intermediate CA') {
    const signs = x.keyCertSign
      ? 'it can sign certificates (basicConstraints cA TRUE)'
      : 'but its keyUsage lacks keyCertSign, so it may not sign certificates (RFC 5280 §4.2.1.3)';
    const how =
      kind === 'root CA'
        ? 'self-signed, a trust anchor only if installed as trusted'
        : 'issued by another CA';
    s = `${NOUN[kind]} for ${who} (${how}); ${signs}`;
  } else if (kind === 'unusable') {
    const reasons = Object.values(x.purposeReasons).map(stripYesNo);
    s = `${NOUN[kind]} for ${who}: ${reasons[0] ?? 'no purpose is allowed'}`;
  } else if (kind === 'server') {
    s = `${NOUN[kind]} for ${who}; cannot be used as a client certificate: ${stripYesNo(x.purposeReasons.clientAuth).replace(/, not clientAuth \([0-9.]+\): RFC 5280 §4\.2\.1\.12$/, '')}`;
  } else if (kind === 'client') {
    s = `${NOUN[kind]} for ${who}; cannot be used as a server certificate: ${stripYesNo(x.purposeReasons.serverAuth).replace(/, not serverAuth \([0-9.]+\): RFC 5280 §4\.2\.1\.12$/, '')}`;
  } else if (kind === 'unrestricted') {
    const allowed = (Object.keys(x.purposes) as PurposeId[]).filter((p) => x.purposes[p]);
    s = `${NOUN[kind]} for ${who}: usable for ${allowed.join(', ')} as far as keyUsage allows`;
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
