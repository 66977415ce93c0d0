import { certificateFields, fieldText } from '../pki/card-fields.js';
import type { CertificateReport, ChainReport, CrlReport, FileReport, PurposeId } from '../pki/types.js';
import { OPENSSL_ROWS, PURPOSE_IDS } from '../pki/types.js';

/** How to render: colour is decoration only; every fact is also in words. */
export interface RenderOptions {
  color: boolean;
}

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001B[${code}m${s}\u001B[0m` : s);

function styles(color: boolean) {
  return {
    bold: ansi('1', color),
    dim: ansi('2', color),
    good: ansi('32', color),
    bad: ansi('31', color),
    warn: ansi('33', color),
  };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no ');

/** The fields (src/pki/card-fields.ts), then what only `inspect` adds: self-issued and Windows' purposes. */
function fieldLines(c: CertificateReport): string[] {
  const lines: string[] = [];
  for (const f of certificateFields(c, { reveal: true })) {
    lines.push(fieldText(f));
    for (const d of f.details ?? []) lines.push(`  - ${d}`);
  }
  lines.push(
    `Self-issued: ${c.selfIssued ? 'yes' : 'no'} (subject ${c.selfIssued ? '=' : '≠'} issuer); self-signed: ${c.selfSigned ? 'yes (its own key verifies the signature)' : 'no'}`,
    `Windows intended purposes: ${c.intendedPurposes.join('; ')}`,
  );
  return lines;
}

/** One readable card: conclusion first, then findings and purposes, then the fields. */
export function renderCertificate(c: CertificateReport, opts: RenderOptions): string {
  const s = styles(opts.color);
  const out = [s.bold(`[${c.index + 1}] ${c.summary}`)];
  out.push(`    Kind: ${c.kind} | Role: ${c.role} | ${c.validity.status} at ${c.validity.at}`);
  if (c.findings.length > 0) {
    out.push('    Findings:');
    for (const f of c.findings) {
      const paint = f.severity === 'error' ? s.bad : f.severity === 'warning' ? s.warn : s.dim;
      out.push(`      ${paint(f.severity.toUpperCase())} ${f.code}: ${f.message}`);
    }
  }
  out.push('    Purposes (RFC 5280 reading: EKU and Key Usage):');
  for (const p of PURPOSE_IDS as readonly PurposeId[]) {
    const word = c.purposes[p] ? s.good(yesNo(true)) : s.bad(yesNo(false));
    out.push(`      ${word} ${p.padEnd(16)} ${c.purposeReasons[p].replace(/^(Yes|No): /, '')}`);
  }
  out.push('    OpenSSL 3.0 `openssl x509 -purpose` (leaf / CA):');
  for (let i = 0; i < OPENSSL_ROWS.length; i += 2) {
    const leaf = OPENSSL_ROWS[i]!;
    const ca = OPENSSL_ROWS[i + 1]!;
    out.push(`      ${leaf.padEnd(20)} ${c.opensslText[leaf]} / ${c.opensslText[ca]}`);
  }
  out.push(...fieldLines(c).map((l) => `    ${l}`));
  return out.join('\n');
}

/** How many revoked entries the text lists before "and N more" (`--json` lists them all). */
const SHOWN_ENTRIES = 50;

/** A CRL card: issuer, dates and status, number, extensions, the revoked entries, what it revokes here. */
function crlLines(c: CrlReport, s: ReturnType<typeof styles>): string[] {
  const status =
    c.status === 'current'
      ? s.good('current')
      : s.bad(c.status === 'expired' ? 'expired (past nextUpdate)' : c.status);
  const out = [
    s.bold(
      `    CRL from ${c.issuer || '(empty issuer)'}: ${c.entries.length} revoked certificate${c.entries.length === 1 ? '' : 's'}`,
    ),
    `    Version: v${c.version}`,
    `    This update: ${c.thisUpdate}`,
    `    Next update: ${c.nextUpdate ?? 'none given'}`,
    `    Status at ${c.at}: ${status}`,
    `    Signature algorithm: ${c.signatureAlgorithm}`,
  ];
  if (c.crlNumber !== undefined) out.push(`    CRL number: ${c.crlNumber}`);
  if (c.authorityKeyId !== undefined) out.push(`    Authority key identifier: ${c.authorityKeyId}`);
  if (c.extensions.length)
    out.push(
      `    Extensions: ${c.extensions.map((e) => `${e.name}${e.critical ? ' [critical]' : ''}`).join(', ')}`,
    );
  for (const e of c.entries.slice(0, SHOWN_ENTRIES))
    out.push(
      `      serial ${e.serial} revoked ${e.revocationDate}${e.reason ? `, reason ${e.reason}` : ''}${e.invalidityDate ? `, invalid since ${e.invalidityDate}` : ''}`,
    );
  if (c.entries.length > SHOWN_ENTRIES)
    out.push(`      and ${c.entries.length - SHOWN_ENTRIES} more (--json lists them all)`);
  for (const h of c.revokedHere ?? [])
    out.push(
      s.bad(
        `    REVOKED: ${h.file} [${h.index + 1}] ${h.subject} is on this CRL${h.reason ? ` (${h.reason})` : ''}`,
      ),
    );
  if (c.revokedHere && c.revokedHere.length === 0)
    out.push('    None of the certificates inspected with it is on this CRL (same issuer name and serial).');
  return out;
}

/** A chain, leaf to root, with each link's checks in words. */
export function renderChain(
  chain: ChainReport,
  label: (index: number) => string,
  opts: RenderOptions,
): string {
  const s = styles(opts.color);
  const names = chain.order.map(label);
  const head = chain.complete
    ? s.good('complete (ends at a self-signed certificate)')
    : s.warn(`incomplete: ${chain.missing.join('; ') || 'it does not end at a self-signed certificate'}`);
  const out = [`Chain: ${names.join(' -> ')}: ${head}`];
  for (const l of chain.links) {
    if (l.parent === null) continue;
    const ok = l.problems.length === 0;
    const self = l.parent === l.child;
    const what = self ? `${label(l.child)} signs itself` : `${label(l.child)} issued by ${label(l.parent)}`;
    out.push(`  ${ok ? s.good('OK  ') : s.bad('FAIL')} ${what}${ok ? '' : `: ${l.problems.join('; ')}`}`);
  }
  return out.join('\n');
}

function certLabel(c: CertificateReport | undefined, i: number): string {
  return c ? `[${i + 1}] ${c.subject.commonName ?? (c.subject.text || '(empty subject)')}` : `[${i + 1}]`;
}

/** A whole file: header line, private-key note (never the key), one card per certificate, its chains. */
export function renderFileReport(r: FileReport, opts: RenderOptions): string {
  const s = styles(opts.color);
  const n = r.certificates.length;
  const out = [s.bold(`${r.path} (${r.format}, ${n} certificate${n === 1 ? '' : 's'})`)];
  if (r.error) out.push(`  ${s.bad('ERROR')} ${r.error}`);
  if (r.hasPrivateKey) {
    const keys = r.privateKeys.map(
      (k) =>
        `${k.algorithm}${k.size ? ` ${k.size}` : ''}${k.encrypted ? ', encrypted' : ', NOT encrypted'} (${k.format})`,
    );
    out.push(
      `  This file holds a private key${keys.length ? `: ${keys.join('; ')}` : ''}. Keep it secret; it is not shown.`,
    );
  }
  for (const note of r.notes) out.push(`  Note: ${note}`);
  if (r.crl) out.push('', ...crlLines(r.crl, s));
  for (const c of r.certificates) out.push('', renderCertificate(c, opts));
  const chains = r.chainReports ?? [];
  if (n > 1 && chains.length > 0) {
    out.push('');
    for (const ch of chains) out.push(renderChain(ch, (i) => certLabel(r.certificates[i], i), opts));
  }
  return `${out.join('\n')}\n`;
}
