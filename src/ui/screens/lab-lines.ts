/**
 * The lab screen's text: the scenario menu, and a run's result (outcome, handshake steps, the
 * verify error or alert, the certificate, why, notes), painted with the theme and wrapped to width.
 * Meaning is carried by words ("ACCEPTED", "[failed]"), colour only adds to it.
 */
import type { LabBlock } from '../../course/types.js';
import { findLab } from '../../labs/catalog.js';
import type { DualUseResult, LabCertificate, LabInfo, LabResult } from '../../labs/types.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import type { LabScreen } from '../state/types.js';
import type { Theme } from '../theme.js';

/** Whether the learner's prediction came true, once the run is done. */
export function predictionLine(
  predicted: 'accepted' | 'refused',
  outcome: 'accepted' | 'refused',
  width: number,
  t: Theme,
): string[] {
  const said = `You predicted ${predicted.toUpperCase()}`;
  return predicted === outcome
    ? wrapLines(t.paint('success', `${t.sym.tick} ${said}: right.`), width)
    : wrapLines(
        t.paint(
          'warning',
          `${t.sym.cross} ${said}: not this time. "Why" below names the field that decided.`,
        ),
        width,
      );
}

/** A lesson page's offer of a lab (`<!-- lab: ID -->`): what it shows and the key that opens it. */
export function labOfferLines(b: LabBlock, width: number, t: Theme): string[] {
  const lab = findLab(b.lab);
  const scenario = lab?.scenarios.find((s) => s.id === b.scenario);
  return [
    ...wrapHanging(t.paint('heading', `TLS lab: ${lab?.title ?? b.lab}`), width, `${t.sym.arrowRight} `),
    ...wrapHanging(`${lab?.summary ?? ''}${scenario ? `; start with: ${scenario.label}` : ''}.`, width, '  '),
    ...wrapHanging(t.paint('accent', 'Press t to run it: a real TLS handshake on 127.0.0.1.'), width, '  '),
  ];
}

/** The scenario menu, with the outcomes already seen this session; the cursor line is returned as `focus`. */
export function labMenuLines(
  s: LabScreen,
  lab: LabInfo,
  width: number,
  t: Theme,
): { lines: string[]; focus: number } {
  const lines = [
    ...wrapLines(`${lab.summary.charAt(0).toUpperCase()}${lab.summary.slice(1)}.`, width),
    ...wrapLines(
      t.paint(
        'muted',
        'Real TLS 1.3 between a server and a client on 127.0.0.1: nothing leaves this machine.',
      ),
      width,
    ),
    '',
    t.paint('heading', 'Choose what to try, then press Enter:'),
  ];
  let focus = lines.length;
  lab.scenarios.forEach((sc, i) => {
    const isCursor = i === s.cursor;
    if (isCursor) focus = lines.length;
    const seen = s.seen[`${lab.id}/${sc.id}`];
    const mark = seen ? `  ${outcomeWord(seen, t)}` : '';
    const label = `${i + 1}. ${sc.label}`;
    const pointer = isCursor ? t.paint('selected', `${t.sym.pointer} `) : '  ';
    lines.push(
      ...wrapHanging((isCursor ? t.paint('selected', label) : label) + mark, width, pointer, '     '),
    );
  });
  const guess =
    lab.id === 'dual-use'
      ? 'a if it works in both roles, r if it is refused in at least one'
      : 'a if the other side will accept it, r if it will refuse it';
  lines.push('', ...wrapLines(t.paint('accent', `Decide first: press ${guess}. Enter just runs it.`), width));
  const p = s.predictions;
  if (p.total > 0) lines.push(t.paint('muted', `Your predictions so far: ${p.right} of ${p.total} right.`));
  return { lines, focus };
}

function outcomeWord(o: 'accepted' | 'refused', t: Theme): string {
  return o === 'accepted'
    ? t.paint('success', `${t.sym.tick} ACCEPTED`)
    : t.paint('danger', `${t.sym.cross} REFUSED`);
}

function certificateLines(c: LabCertificate, width: number, t: Theme): string[] {
  const names = [...c.dnsNames.map((d) => `DNS:${d}`), ...c.ipAddresses.map((i) => `IP:${i}`)];
  const row = (label: string, value: string) =>
    wrapHanging(value, width, `  ${t.paint('strong', label.padEnd(18))}`);
  return [
    t.paint('heading', `Certificate (${c.source})`),
    ...row('subject', c.subject),
    ...row('issuer', `${c.issuer}${c.selfSigned ? ' (self-signed)' : ''}`),
    ...row('valid', `${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)}`),
    ...row(
      'extendedKeyUsage',
      c.extendedKeyUsage === null ? 'none (no restriction)' : c.extendedKeyUsage.join(', '),
    ),
    ...row('subjectAltName', names.length ? names.join(', ') : 'none'),
    ...(c.report ? row('kind', c.report.kind) : []),
  ];
}

const bullets = (items: string[], width: number, t: Theme) =>
  items.flatMap((l) => wrapHanging(l, width, `  ${t.sym.bullet} `));

/** One handshake's result. */
export function labResultLines(r: LabResult, width: number, t: Theme): string[] {
  const meta = [r.protocol, `server name ${r.serverName}`, r.timedOut ? 'timed out' : null]
    .filter(Boolean)
    .join(', ');
  const msgWidth = Math.max(...r.steps.map((s) => s.message.length));
  const lines = [
    `${t.paint('strong', 'Result:')} ${outcomeWord(r.outcome, t)}  ${t.paint('muted', `(${meta})`)}`,
    '',
  ];
  lines.push(t.paint('heading', 'The handshake, as it happened'));
  r.steps.forEach((s, i) => {
    const tag = s.status === 'failed' ? ' [failed]' : s.status === 'empty' ? ' [empty]' : '';
    const head = `  ${String(i + 1).padStart(2)}. ${s.from.padEnd(6)} ${s.message.padEnd(msgWidth)}  `;
    const paint = s.status === 'failed' ? 'danger' : s.status === 'empty' ? 'warning' : null;
    const text = `${s.detail}${tag}`;
    lines.push(...wrapHanging(paint ? t.paint(paint, text) : text, width, head));
  });
  const v = r.verifyFailure;
  if (v) {
    const num = v.number !== undefined ? `${v.number} ` : '';
    lines.push(
      ...wrapLines(t.paint('danger', `Verify error (${v.side}): ${num}${v.text} [${v.code}]`), width),
    );
  }
  if (r.alert)
    lines.push(...wrapLines(`Alert from the ${r.alert.sentBy}: ${r.alert.name} (${r.alert.number})`, width));
  for (const e of r.errors)
    lines.push(...wrapLines(`OpenSSL error (${e.side}): ${e.message} [${e.code}]`, width));
  if (r.certificate) lines.push('', ...certificateLines(r.certificate, width, t));
  lines.push('', t.paint('heading', 'Why'), ...bullets(r.explanation, width, t));
  if (r.notes.length) lines.push('', t.paint('heading', 'Good to know'), ...bullets(r.notes, width, t));
  return lines;
}

/** The dual-use lab's two runs: the conclusion, then the server run and the client run. */
export function dualUseLines(r: DualUseResult, width: number, t: Theme): string[] {
  return [
    `${t.paint('strong', 'As a server:')} ${outcomeWord(r.asServer.outcome, t)}   ${t.paint('strong', 'As a client:')} ${outcomeWord(r.asClient.outcome, t)}`,
    '',
    t.paint('heading', 'Why'),
    ...bullets(r.explanation, width, t),
    '',
    t.paint('title', `${t.sym.hLine.repeat(2)} The run as a TLS server`),
    ...labResultLines(r.asServer, width, t),
    '',
    t.paint('title', `${t.sym.hLine.repeat(2)} The run as a TLS client`),
    ...labResultLines(r.asClient, width, t),
  ];
}
