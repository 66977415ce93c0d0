import type { CertificateReport, FileReport } from '../pki/types.js';

/** Options of certificateCard. */
export interface CardOptions {
  /** Field names (lessons/README.md) to mark with ">". */
  highlight?: string[];
  /** Show the engine's conclusion (kind, summary, purposes); off in quizzes, where it is the answer. */
  reveal?: boolean;
  /** A title line, e.g. the file name. */
  title?: string;
}

const day = (iso: string) => iso.replace(/T.*$/, '');

function keyText(c: CertificateReport): string {
  const k = c.publicKey;
  return [k.algorithm, k.curve, k.size ? `${k.size} bits` : undefined].filter(Boolean).join(', ');
}

/** The labelled lines of a certificate, field by field, for the line mode and screen readers. */
export function certificateCard(c: CertificateReport, opts: CardOptions = {}): string[] {
  const fields: [string, string, string][] = [
    ['subject', 'Issued to (subject)', c.subject.text],
    ['issuer', 'Issued by (issuer)', c.issuer.text],
    ['serialNumber', 'Serial number', c.serialNumber],
    ['notBefore', 'Valid from (notBefore)', c.notBefore],
    ['notAfter', 'Valid until (notAfter)', c.notAfter],
    ['version', 'Version', String(c.version)],
    ['publicKey', 'Public key', keyText(c)],
    ['signatureAlgorithm', 'Signature algorithm', c.signatureAlgorithm],
    [
      'subjectAltName',
      'Subject Alternative Name',
      c.subjectAltName.length
        ? c.subjectAltName.map((s) => `${s.type.toUpperCase()}:${s.value}`).join(', ')
        : 'none',
    ],
    [
      'basicConstraints',
      'Basic Constraints',
      c.basicConstraints
        ? `cA ${c.basicConstraints.cA ? 'TRUE' : 'FALSE'}${c.basicConstraints.pathLenConstraint !== undefined ? `, pathLenConstraint ${c.basicConstraints.pathLenConstraint}` : ''}${c.basicConstraints.critical ? ' (critical)' : ''}`
        : 'none',
    ],
    [
      'keyUsage',
      'Key Usage',
      c.keyUsage
        ? `${c.keyUsage.bits.join(', ') || '(no bit set)'}${c.keyUsage.critical ? ' (critical)' : ''}`
        : 'none',
    ],
    [
      'extendedKeyUsage',
      'Extended Key Usage',
      c.extendedKeyUsage
        ? `${c.extendedKeyUsage.usages.map((u) => (u.name === u.oid ? u.oid : `${u.name} (${u.oid})`)).join(', ')}${c.extendedKeyUsage.critical ? ' (critical)' : ''}`
        : 'none',
    ],
    [
      'extensions',
      'Extensions',
      c.extensions.map((e) => `${e.name}${e.critical ? ' (critical)' : ''}`).join(', ') || 'none',
    ],
    ['sha1', 'SHA-1 thumbprint', c.sha1],
    ['sha256', 'SHA-256 thumbprint', c.sha256],
  ];
  const marks = new Set(opts.highlight ?? []);
  const lines: string[] = [];
  if (opts.title) lines.push(opts.title);
  if (marks.size) lines.push('(lines marked > are the ones this page is about)');
  for (const [name, label, value] of fields) {
    lines.push(`${marks.has(name) ? '>' : ' '} ${label}: ${value}`);
    // Each decoded extension value under the Extensions line (AIA, CRL DP, policies, SCTs...).
    if (name === 'extensions')
      for (const e of c.extensions)
        if (e.lines?.length) lines.push(`    ${e.name}: ${e.lines.map((l) => l.trim()).join('; ')}`);
  }
  if (opts.reveal) {
    lines.push(`  Validity at ${day(c.validity.at)}: ${c.validity.status}`);
    lines.push(`  Kind: ${c.kind} (${c.role}${c.selfSigned ? ', self-signed' : ''})`);
    lines.push(`  In short: ${c.summary}`);
    for (const f of c.findings) lines.push(`  Note (${f.severity}): ${f.message}`);
  }
  return lines;
}

/** A file described without giving away whether it holds a key: name, format, certificates. */
export function fileCard(file: FileReport, name: string): string[] {
  const n = file.certificates.length;
  const lines = [`File: ${name} (${file.format}, ${n} certificate${n === 1 ? '' : 's'})`];
  for (const c of file.certificates) {
    lines.push(`  Certificate ${c.index + 1}: issued to ${c.subject.text}; issued by ${c.issuer.text}`);
    lines.push(
      `    valid ${day(c.notBefore)} to ${day(c.notAfter)}; Basic Constraints ${c.basicConstraints ? `cA ${c.basicConstraints.cA ? 'TRUE' : 'FALSE'}` : 'none'}; Key Usage ${c.keyUsage ? c.keyUsage.bits.join(', ') : 'none'}`,
    );
  }
  return lines;
}
