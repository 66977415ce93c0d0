import { escapeControls as printable } from '../escape.js';
import type { VerifyResult } from '../pki/verify/index.js';

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001B[${code}m${s}\u001B[0m` : s);

const SOURCE = { leaf: 'the certificate given', untrusted: 'untrusted', trusted: 'trust store' } as const;

/** The verdict first, then the chain, every check in OpenSSL's order, and the warnings. */
export function renderVerify(
  path: string,
  r: VerifyResult,
  stores: string[],
  opts: { color: boolean },
): string {
  const good = ansi('32', opts.color);
  const bad = ansi('31', opts.color);
  const warn = ansi('33', opts.color);
  const lines: string[] = [];
  const e = r.error;
  lines.push(
    e
      ? `${printable(path)}: ${bad('NOT VALID')}: error ${e.code} at depth ${e.depth}: ${e.text}`
      : `${printable(path)}: ${good('valid')} (openssl verify would print OK)`,
  );
  const first = r.checks.find((c) => !c.ok);
  if (first) lines.push(`  ${printable(first.message)}`);
  lines.push('', `Chain, leaf first (trusted: ${printable(stores.join(', '))}):`);
  for (const c of r.chain)
    lines.push(`  depth ${c.depth}  ${printable(c.subject || '(empty subject)')}  [${SOURCE[c.source]}]`);
  lines.push('', 'Checks, in the order OpenSSL makes them:');
  for (const c of r.checks) {
    const mark = c.ok ? good('ok  ') : bad('FAIL');
    const err = c.error ? `error ${c.error.code} at depth ${c.depth}: ${c.error.text}: ` : '';
    lines.push(`  ${mark} depth ${c.depth}  ${err}${printable(c.message)}`);
  }
  if (r.warnings.length) {
    lines.push('', 'Warnings (openssl verify passes these):');
    for (const w of r.warnings) lines.push(`  ${warn('!')} ${printable(w)}`);
  }
  return `${lines.join('\n')}\n`;
}
