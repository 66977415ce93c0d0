/**
 * Plain-text rendering of the labs' results, for `cert-tutor lab` and the line mode. Meaning is in
 * words ("REFUSED", "[failed]"), never in colour or symbols alone, so it reads well in a screen reader.
 */
import type { DualUseResult, LabCertificate, LabInfo, LabResult } from '../labs/index.js';

const STATUS_WORD = { ok: '', empty: ' [empty]', failed: ' [failed]' } as const;

/** The list of labs, with how to run one. */
export function renderLabList(labs: LabInfo[]): string {
  const width = Math.max(...labs.map((l) => l.id.length));
  return [
    'Labs: real TLS handshakes between a server and a client on 127.0.0.1 (nothing leaves this machine).',
    '',
    ...labs.map((l) => `  ${l.id.padEnd(width)}  ${l.title}: ${l.summary}`),
    '',
    'Run one: cert-tutor lab NAME   (choose by number; piped input works too)',
    'One run: cert-tutor lab NAME --scenario ID [--json]',
    'In the course: press t on a lesson page that offers a lab, or on the home screen.',
    '',
  ].join('\n');
}

function renderCertificate(c: LabCertificate): string[] {
  const names = [...c.dnsNames.map((d) => `DNS:${d}`), ...c.ipAddresses.map((i) => `IP:${i}`)];
  return [
    `Certificate: ${c.subject}   (${c.source})`,
    `  issued by ${c.issuer}${c.selfSigned ? ' (self-signed)' : ''}`,
    `  valid ${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)}`,
    `  extendedKeyUsage: ${c.extendedKeyUsage === null ? 'none (no restriction)' : c.extendedKeyUsage.join(', ')}`,
    `  subjectAltName: ${names.length ? names.join(', ') : 'none'}`,
    ...(c.report ? [`  kind: ${c.report.kind}`] : []),
  ];
}

/** One lab run as text: outcome, handshake steps, alert and errors, certificate, explanation, notes. */
export function renderLabResult(r: LabResult): string {
  const width = Math.max(...r.steps.map((s) => s.message.length));
  const meta = [r.protocol, `server name ${r.serverName}`, r.timedOut ? 'timed out' : null]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `${r.lab}: ${r.title}`,
    `Result: ${r.outcome.toUpperCase()} (${meta})`,
    '',
    'Handshake:',
    ...r.steps.map((s, i) =>
      `  ${String(i + 1).padStart(2)}. ${s.from.padEnd(6)} ${s.message.padEnd(width)}  ${s.detail}${STATUS_WORD[s.status]}`.trimEnd(),
    ),
  ];
  if (r.verifyFailure)
    lines.push(
      `Verify error (${r.verifyFailure.side}): ${r.verifyFailure.number !== undefined ? `${r.verifyFailure.number} ` : ''}${r.verifyFailure.text} [${r.verifyFailure.code}]`,
    );
  if (r.alert) lines.push(`Alert from the ${r.alert.sentBy}: ${r.alert.name} (${r.alert.number})`);
  for (const e of r.errors) lines.push(`OpenSSL error (${e.side}): ${e.message} [${e.code}]`);
  if (r.certificate) lines.push('', ...renderCertificate(r.certificate));
  lines.push('', 'Why:', ...r.explanation.map((l) => `  - ${l}`));
  if (r.notes.length) lines.push('', 'Notes:', ...r.notes.map((l) => `  - ${l}`));
  return `${lines.join('\n')}\n`;
}

/** The dual-use lab's two runs and its conclusion. */
export function renderDualUse(r: DualUseResult): string {
  const indent = (t: string) =>
    t
      .trimEnd()
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n');
  return [
    `dual-use: ${r.title}`,
    `As a server: ${r.asServer.outcome.toUpperCase()}.  As a client: ${r.asClient.outcome.toUpperCase()}.`,
    '',
    'Why:',
    ...r.explanation.map((l) => `  - ${l}`),
    '',
    '  The server run:',
    indent(renderLabResult(r.asServer)),
    '',
    '  The client run:',
    indent(renderLabResult(r.asClient)),
    '',
  ].join('\n');
}
