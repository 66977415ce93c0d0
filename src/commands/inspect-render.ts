import { escapeControls as printable } from '../escape.js';
import type { CertificateReport, ChainReport, FileReport, PurposeId } from '../pki/types.js';
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

function fieldLines(c: CertificateReport): string[] {
  const ku = c.keyUsage;
  const eku = c.extendedKeyUsage;
  const bc = c.basicConstraints;
  const lines = [
    `Subject:      ${c.subject.text || '(empty)'}`,
    `Issuer:       ${c.issuer.text || '(empty)'}`,
    `Serial:       ${c.serialNumber}`,
    `Validity:     ${c.notBefore} to ${c.notAfter} (${c.validity.status} at ${c.validity.at})`,
    `Version:      ${c.version}`,
    `Public key:   ${c.publicKey.algorithm}${c.publicKey.size ? ` ${c.publicKey.size} bits` : ''}${c.publicKey.curve ? ` (${c.publicKey.curve})` : ''}`,
    `Signature:    ${c.signatureAlgorithm}`,
    `Self-issued:  ${c.selfIssued ? 'yes' : 'no'} (subject ${c.selfIssued ? '=' : '≠'} issuer); self-signed: ${c.selfSigned ? 'yes (its own key verifies the signature)' : 'no'}`,
    `Key Usage:    ${ku ? `${ku.bits.join(', ') || '(no bit set)'}${ku.critical ? ' [critical]' : ''}` : 'absent'}`,
    `EKU:          ${eku ? `${eku.usages.map((u) => u.name).join(', ') || '(empty)'}${eku.critical ? ' [critical]' : ''}` : 'absent (no EKU restriction)'}`,
  ];
  for (const u of eku?.usages ?? []) {
    const names = [
      u.openSslName && `OpenSSL "${u.openSslName}"`,
      u.windowsTitle && `Windows "${u.windowsTitle}"`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  - ${u.name === u.oid ? u.oid : `${u.name} (${u.oid})`}${names ? `: ${names}` : ''}`);
  }
  lines.push(
    `Basic Constraints: ${bc ? `cA ${bc.cA ? 'TRUE' : 'FALSE'}${bc.pathLenConstraint !== undefined ? `, pathLenConstraint ${bc.pathLenConstraint}` : ''}${bc.critical ? ' [critical]' : ''}` : 'absent'}`,
    `Alt names:    ${c.subjectAltName.map((s) => `${s.type.toUpperCase()} ${s.value}`).join(', ') || 'none'}`,
    `Windows intended purposes: ${c.intendedPurposes.join('; ')}`,
    `Extensions:   ${c.extensions.map((e) => `${e.name}${e.critical ? ' [critical]' : ''}${e.known ? '' : ' (unknown)'}`).join(', ') || 'none'}`,
    ...c.extensions
      .filter((e) => e.lines?.length)
      .flatMap((e) => [`  ${e.name}:`, ...(e.lines ?? []).map((l) => `    ${printable(l)}`)]),
    `SHA-1:        ${c.sha1}`,
    `SHA-256:      ${c.sha256}`,
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
  for (const c of r.certificates) out.push('', renderCertificate(c, opts));
  const chains = r.chainReports ?? [];
  if (n > 1 && chains.length > 0) {
    out.push('');
    for (const ch of chains) out.push(renderChain(ch, (i) => certLabel(r.certificates[i], i), opts));
  }
  return `${out.join('\n')}\n`;
}
