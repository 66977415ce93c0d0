import { PkiError } from './errors.js';

/** One PEM block (RFC 7468): its label and the decoded bytes, or why they could not be decoded. */
export interface PemBlock {
  label: string;
  /** Offset of the BEGIN line in the text. */
  offset: number;
  der: Uint8Array | null;
  error?: string;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True if the bytes look like PEM text (a BEGIN line somewhere in the first 64 KiB). */
export function looksLikePem(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 65536)).toString('latin1');
  return head.includes('-----BEGIN ');
}

/**
 * The base64 lines of a block body: blank lines before the data and an RFC 1421 header section
 * (Proc-Type, DEK-Info, ending with a blank line) are skipped; null when a blank line follows data.
 */
function dataLines(raw: string): string | null {
  const lines = raw.split(/\r?\n/).slice(1);
  let i = 0;
  while (i < lines.length - 1 && lines[i]!.trim() === '') i++;
  if (/^[A-Za-z-]+:/.test(lines[i] ?? '')) {
    while (i < lines.length - 1 && lines[i]!.trim() !== '') i++;
    i++;
  }
  const data = lines.slice(i, -1);
  if (data.some((l) => l.trim() === '')) return null;
  return data.join('') + (lines[lines.length - 1] ?? '');
}

/** PEM labels of private keys (RFC 7468 §10-11 and OpenSSL's traditional ones, docs/pki-rules.md §4.3). */
export const PRIVATE_KEY_LABELS: readonly string[] = [
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
  'ANY PRIVATE KEY',
];

/** At most this many PEM blocks are read from one file (Debian's whole CA bundle has ~150). */
export const MAX_PEM_BLOCKS = 10_000;

/** Where one PEM block sits in the text: its BEGIN line, its body and the end of its END line. */
export interface PemSpan {
  label: string;
  /** Offset of `-----BEGIN`. */
  offset: number;
  /** The body: from just after the BEGIN line's closing dashes to the start of `-----END`. */
  bodyStart: number;
  bodyEnd: number;
  /** Offset just after the END line's closing dashes. */
  end: number;
}

const LABEL = /^[A-Z0-9 #/-]{1,64}$/;

/** The label of a `-----BEGIN LABEL-----` / `-----END LABEL-----` marker at `at`, or null. */
function markerLabel(
  text: string,
  at: number,
  prefixLength: number,
): { label: string; after: number } | null {
  const close = text.indexOf('-----', at + prefixLength);
  if (close < 0 || close - (at + prefixLength) > 64) return null;
  const label = text.slice(at + prefixLength, close);
  return LABEL.test(label) ? { label, after: close + 5 } : null;
}

/**
 * Every BEGIN ... END block of the same label, in order, found in linear time: each END marker is
 * indexed once and every BEGIN takes the next END of its label, so 40,000 BEGIN lines without an
 * END cost one pass, not 40,000 scans of the rest of the file. A BEGIN with no END is skipped, as
 * are markers inside a block. More than MAX_PEM_BLOCKS blocks is a typed error.
 */
export function scanPem(text: string): PemSpan[] {
  const ends = new Map<string, { at: number; after: number }[]>();
  for (let i = text.indexOf('-----END '); i >= 0; i = text.indexOf('-----END ', i + 9)) {
    const m = markerLabel(text, i, 9);
    if (!m) continue;
    const list = ends.get(m.label) ?? [];
    if (list.length === 0) ends.set(m.label, list);
    list.push({ at: i, after: m.after });
  }
  const next = new Map<string, number>();
  const out: PemSpan[] = [];
  let from = 0;
  for (let i = text.indexOf('-----BEGIN ', from); i >= 0; i = text.indexOf('-----BEGIN ', from)) {
    from = i + 11;
    const m = markerLabel(text, i, 11);
    if (!m) continue;
    const list = ends.get(m.label) ?? [];
    let k = next.get(m.label) ?? 0;
    while (k < list.length && list[k]!.at < m.after) k++;
    next.set(m.label, k);
    const end = list[k];
    if (!end) continue;
    if (out.length === MAX_PEM_BLOCKS)
      throw new PkiError(
        'too-many-blocks',
        `more than ${MAX_PEM_BLOCKS.toLocaleString('en-US')} PEM blocks; cert-tutor reads at most that many from one file (split it)`,
      );
    out.push({ label: m.label, offset: i, bodyStart: m.after, bodyEnd: end.at, end: end.after });
    from = end.after;
  }
  return out;
}

/**
 * Every PEM block in the text, in order, with any text around them ignored (zlint files carry an
 * `openssl x509 -text` dump before each block). Base64 must be clean: only the base64 alphabet and
 * whitespace, padding only at the end; RFC 1421 headers (Proc-Type, DEK-Info) are skipped.
 */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const span of scanPem(text)) {
    const label = span.label;
    const at = span.offset;
    const body = dataLines(text.slice(span.bodyStart, span.bodyEnd));
    if (body === null) {
      // OpenSSL's PEM reader refuses a blank line once the base64 has started.
      out.push({
        label,
        offset: at,
        der: null,
        error: `the ${label} block has a blank line inside its base64`,
      });
      continue;
    }
    const compact = body.replace(/\s+/g, '');
    if (compact.length === 0 || !B64.test(compact) || compact.length % 4 === 1) {
      out.push({ label, offset: at, der: null, error: `the ${label} block is not valid base64` });
      continue;
    }
    out.push({ label, offset: at, der: new Uint8Array(Buffer.from(compact, 'base64')) });
  }
  return out;
}
