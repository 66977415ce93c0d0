import { certificateFields, fieldText } from '../../pki/card-fields.js';
import type { CertificateReport, ChainReport, FileReport } from '../../pki/types.js';
import type { Theme } from '../theme.js';
import { wrapHanging } from './wrap.js';

/** The extension fields the card always shows: they decide a certificate's use. */
const ALWAYS = new Set(['subjectAltName', 'basicConstraints', 'keyUsage', 'extendedKeyUsage']);
/** Fields the card's head already shows (Issued to / Issued by / Valid from-to). */
const IN_HEAD = new Set(['subject', 'issuer', 'notBefore', 'notAfter']);

const day = (iso: string) => iso.slice(0, 10);

/**
 * The card's field rows (src/pki/card-fields.ts): the extensions that decide a certificate's use
 * always; every other field in the full view (`full`), or when a page or question highlights it, so
 * a marked field is always on the card. `isVerdictHidden` leaves out what reads as a conclusion.
 */
function fieldRows(c: CertificateReport, full: boolean, highlight: string[], isVerdictHidden: boolean) {
  return certificateFields(c, { reveal: !isVerdictHidden }).filter(
    (f) => full || ALWAYS.has(f.field) || (highlight.includes(f.field) && !IN_HEAD.has(f.field)),
  );
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
  isCompact = false,
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
  // A short terminal gets the compact card: the Windows-style purposes (also in the title and the
  // `i` view) and the separator line are left out, so the page text keeps room beside the card.
  if (!isVerdictHidden && !isCompact) {
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
  if (!isCompact) out.push(bar + t.paint('border', t.sym.hLine.repeat(Math.max(0, inner))));
  for (const r of fieldRows(c, full, highlight, isVerdictHidden)) {
    line(hl(r.field, fieldText(r)), mark(r.field), '    ');
    if (full) for (const d of r.details ?? []) line(t.paint('muted', d), '      ', '        ');
  }
  // The legend sits in the bottom border (one line less) when it fits there.
  let legend = highlight.length ? ` ${t.sym.mark} marks the fields to look at ` : '';
  if (legend.length > width - 3) {
    line(t.paint('muted', legend.trim()));
    legend = '';
  }
  out.push(
    t.paint('border', `${t.sym.boxBottom}${t.sym.hLine}`) +
      t.paint('muted', legend) +
      t.paint('border', t.sym.hLine.repeat(Math.max(0, width - 2 - legend.length))),
  );
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
