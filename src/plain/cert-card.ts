import { certificateFields, fieldText } from '../pki/card-fields.js';
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

/** The labelled lines of a certificate, field by field, for the line mode and screen readers. */
export function certificateCard(c: CertificateReport, opts: CardOptions = {}): string[] {
  const marks = new Set(opts.highlight ?? []);
  const lines: string[] = [];
  if (opts.title) lines.push(opts.title);
  if (marks.size) lines.push('(lines marked > are the ones this page is about)');
  for (const f of certificateFields(c, { reveal: opts.reveal })) {
    lines.push(`${marks.has(f.field) ? '>' : ' '} ${fieldText(f)}`);
    for (const d of f.details ?? []) lines.push(`    ${d}`);
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
