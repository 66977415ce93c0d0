import type { CertificateReport, ChainReport, FileReport } from '../../pki/types.js';
import type { Theme } from '../theme.js';
import { wrapHanging } from './wrap.js';

/** OIDs of the extensions the card names (RFC 5280 §4.2.1). */
const EXT_OID: Record<string, string> = {
  subjectAltName: '2.5.29.17',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
};

interface Row {
  field: string;
  label: string;
  value: string;
}

const day = (iso: string) => iso.slice(0, 10);
const crit = (c: boolean) => (c ? ', critical' : '');

/**
 * The card's field rows: the extensions that decide a certificate's use always; every other field
 * in the full view (`full`), or when a page or question highlights it, so a marked field is always
 * on the card. `isVerdictHidden` leaves out what reads as a conclusion (EKU absent: "no restriction").
 */
function fieldRows(
  c: CertificateReport,
  full: boolean,
  highlight: string[],
  isVerdictHidden: boolean,
): Row[] {
  const rows: Row[] = [];
  const shows = (field: string) => full || highlight.includes(field);
  const add = (field: string, label: string, value: string) => rows.push({ field, label, value });
  const opt = (field: string, label: string, value: () => string) => {
    if (shows(field)) add(field, label, value());
  };
  opt('version', 'Version', () => `v${c.version}`);
  opt('serialNumber', 'Serial number', () => c.serialNumber);
  opt('signatureAlgorithm', 'Signature algorithm', () => c.signatureAlgorithm);
  if (full) {
    add('issuer', 'Issuer', c.issuer.text);
    add('notBefore', 'Not before', c.notBefore);
    add('notAfter', 'Not after', c.notAfter);
    add('subject', 'Subject', c.subject.text);
  }
  const k = c.publicKey;
  opt('publicKey', 'Public key', () =>
    [k.algorithm, k.size ? `${k.size} bits` : '', k.curve ?? ''].filter(Boolean).join(' '),
  );
  const eku = c.extendedKeyUsage;
  add(
    'extendedKeyUsage',
    `Extended Key Usage (${EXT_OID.extendedKeyUsage}${eku ? crit(eku.critical) : ''})`,
    eku
      ? eku.usages.map((u) => `${u.name} (${u.oid})`).join(', ')
      : isVerdictHidden
        ? 'absent'
        : 'absent: no restriction by EKU',
  );
  const ku = c.keyUsage;
  add(
    'keyUsage',
    `Key Usage (${EXT_OID.keyUsage}${ku ? crit(ku.critical) : ''})`,
    ku ? ku.bits.join(', ') || '(no bit set)' : 'absent',
  );
  const bc = c.basicConstraints;
  add(
    'basicConstraints',
    `Basic Constraints (${EXT_OID.basicConstraints}${bc ? crit(bc.critical) : ''})`,
    bc
      ? `cA ${bc.cA ? 'TRUE' : 'FALSE'}${bc.pathLenConstraint !== undefined ? `, pathLenConstraint ${bc.pathLenConstraint}` : ''}`
      : 'absent',
  );
  add(
    'subjectAltName',
    `Subject Alternative Name (${EXT_OID.subjectAltName})`,
    c.subjectAltName.length
      ? c.subjectAltName.map((s) => `${s.type.toUpperCase()}:${s.value}`).join(', ')
      : 'absent',
  );
  if (shows('extensions')) {
    const others = c.extensions.filter((e) => !Object.values(EXT_OID).includes(e.oid));
    for (const e of others)
      add(
        'extensions',
        `${e.name} (${e.oid}${crit(e.critical)})`,
        e.lines?.length ? e.lines.map((l) => l.trim()).join('; ') : e.known ? 'present' : 'not recognised',
      );
  }
  opt('sha1', 'SHA-1 fingerprint', () => c.sha1);
  opt('sha256', 'SHA-256 fingerprint', () => c.sha256);
  return rows;
}

/**
 * A certificate card, Windows-style: what the certificate is intended for, Issued to / Issued by,
 * Valid from-to, then the fields with their OIDs. Highlighted fields carry a mark symbol as well as
 * a colour, so they stand out without colour too. `full` adds every field (the inspect view).
 * `isVerdictHidden` leaves out the engine's conclusions (its kind, the intended purposes), which
 * would give a quiz answer away before it is given.
 */
export function certCard(
  c: CertificateReport,
  highlight: string[],
  width: number,
  t: Theme,
  full = false,
  isVerdictHidden = false,
): string[] {
  const bar = t.paint('border', `${t.sym.vLine} `);
  const inner = width - 2;
  const out: string[] = [];
  const title = isVerdictHidden ? ' Certificate ' : ` Certificate: ${c.kind} `;
  out.push(
    t.paint('border', `${t.sym.boxTop}${t.sym.hLine}`) +
      t.paint('strong', title) +
      t.paint('border', t.sym.hLine.repeat(Math.max(0, width - title.length - 2))),
  );
  const line = (text: string, first = '', rest = '  ') =>
    out.push(...wrapHanging(text, inner, first, rest).map((l) => bar + l));
  if (!isVerdictHidden) {
    line(t.paint('strong', 'This certificate is intended for the following purpose(s):'));
    for (const p of c.intendedPurposes.length ? c.intendedPurposes : ['(no purpose)'])
      line(p, `  ${t.sym.bullet} `, '    ');
  }
  const name = (n: CertificateReport['subject']) => n.commonName ?? n.text;
  const mark = (field: string) => (highlight.includes(field) ? t.paint('highlight', `${t.sym.mark} `) : '  ');
  const hl = (field: string, text: string) => (highlight.includes(field) ? t.paint('highlight', text) : text);
  line(`${hl('subject', `Issued to: ${name(c.subject)}`)}`, mark('subject'));
  line(`${hl('issuer', `Issued by: ${name(c.issuer)}`)}`, mark('issuer'));
  const valid = `Valid from ${day(c.notBefore)} to ${day(c.notAfter)}`;
  // Before a quiz answer the validity verdict is left out: it may be what the question asks.
  const status = isVerdictHidden
    ? ''
    : c.validity.status === 'valid'
      ? t.paint('success', `(${t.sym.tick} valid)`)
      : t.paint('danger', `(${t.sym.cross} ${c.validity.status})`);
  // One line shows both dates: it carries the mark when either is highlighted.
  const dateField = highlight.includes('notBefore') ? 'notBefore' : 'notAfter';
  line(`${hl(dateField, valid)}${status ? ` ${status}` : ''}`, mark(dateField));
  out.push(bar + t.paint('border', t.sym.hLine.repeat(Math.max(0, inner))));
  for (const r of fieldRows(c, full, highlight, isVerdictHidden)) {
    line(hl(r.field, `${r.label}: ${r.value}`), mark(r.field), '    ');
  }
  if (highlight.length) line(t.paint('muted', `${t.sym.mark} marks the fields to look at`));
  out.push(t.paint('border', `${t.sym.boxBottom}${t.sym.hLine.repeat(Math.max(0, width - 1))}`));
  return out;
}

/** The card's extra sections for the inspect view: summary, purposes, OpenSSL's view, findings. */
export function certDetails(c: CertificateReport, width: number, t: Theme): string[] {
  const out: string[] = [];
  const para = (text: string, first = '', rest = '  ') => out.push(...wrapHanging(text, width, first, rest));
  out.push(t.paint('heading', 'Summary'));
  para(c.summary);
  out.push('', t.paint('heading', 'Purposes (RFC 5280 reading)'));
  for (const [p, ok] of Object.entries(c.purposes)) {
    const why = c.purposeReasons[p as keyof typeof c.purposeReasons] ?? '';
    para(
      `${p}: ${why}`,
      ok ? t.paint('success', `${t.sym.tick} `) : t.paint('danger', `${t.sym.cross} `),
      '    ',
    );
  }
  out.push('', t.paint('heading', "OpenSSL 3.0's view (openssl x509 -purpose)"));
  for (const [row, text] of Object.entries(c.opensslText)) para(`${row}: ${text}`, '  ', '    ');
  if (c.findings.length) {
    out.push('', t.paint('heading', 'Findings'));
    for (const f of c.findings) {
      const sym =
        f.severity === 'error'
          ? t.paint('danger', t.sym.cross)
          : f.severity === 'warning'
            ? t.paint('warning', t.sym.warning)
            : t.sym.info;
      para(`${f.severity}: ${f.message}`, `${sym} `, '  ');
    }
  }
  return out;
}

/** The chains of a file drawn leaf to root, with each link's checks when the engine gave them. */
export function chainLines(
  file: FileReport,
  chains: ChainReport[] | undefined,
  width: number,
  t: Theme,
): string[] {
  const certs = file.certificates;
  const label = (i: number | null) => {
    if (i === null) return '(issuer not given)';
    const c = certs[i];
    return c ? `${c.subject.commonName ?? c.subject.text} [${c.role}]` : `#${i}`;
  };
  // No-break spaces keep each check ("✔ issuer name") whole when the line wraps.
  const check = (ok: boolean, what: string) => {
    const text = `${ok ? t.sym.tick : t.sym.cross} ${what}`.replace(/ /g, '\u00A0');
    return t.paint(ok ? 'success' : 'danger', text);
  };
  const list: ChainReport[] =
    chains ?? file.chains.map((order) => ({ order, links: [], complete: false, missing: [] }));
  const out: string[] = [];
  list.forEach((ch, ci) => {
    out.push(t.paint('heading', `Chain ${list.length > 1 ? `${ci + 1} ` : ''}(leaf to root)`));
    ch.order.forEach((idx, depth) => {
      const pad = '  '.repeat(depth);
      out.push(...wrapHanging(label(idx), width, depth === 0 ? '' : `${pad}${t.sym.link} `));
      const link = ch.links.find((l) => l.child === idx);
      if (link && link.parent !== null) {
        const checks = [
          check(link.issuerNameMatches, 'issuer name'),
          check(link.signatureValid, 'signature'),
          check(link.issuerIsCA, 'issuer is CA'),
          check(link.issuerHasKeyCertSign, 'keyCertSign'),
          check(link.datesValid, 'dates'),
        ].join('  ');
        // A root's link points at itself: its checks are those of its own self-signature.
        const what = link.parent === link.child ? 'self-signed:' : 'against its issuer (below):';
        out.push(...wrapHanging(`${t.paint('muted', what)} ${checks}`, width, `${pad}   `, `${pad}   `));
        for (const p of link.problems)
          out.push(...wrapHanging(p, width, `${pad}   ${t.paint('danger', t.sym.cross)} `));
      }
    });
    for (const m of ch.missing) out.push(...wrapHanging(m, width, `${t.paint('warning', t.sym.warning)} `));
    if (chains)
      out.push(
        ch.complete
          ? t.paint('success', `${t.sym.tick} ends at a self-signed root`)
          : t.paint('warning', `${t.sym.warning} incomplete: does not reach a self-signed root`),
      );
  });
  return out;
}
