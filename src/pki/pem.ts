/** One PEM block (RFC 7468): its label and the decoded bytes, or why they could not be decoded. */
export interface PemBlock {
  label: string;
  /** Offset of the BEGIN line in the text. */
  offset: number;
  der: Uint8Array | null;
  error?: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 #/-]+)-----([\s\S]*?)-----END \1-----/g;
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

/**
 * Every PEM block in the text, in order, with any text around them ignored (zlint files carry an
 * `openssl x509 -text` dump before each block). Base64 must be clean: only the base64 alphabet and
 * whitespace, padding only at the end; RFC 1421 headers (Proc-Type, DEK-Info) are skipped.
 */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1]!;
    const body = dataLines(m[2]!);
    if (body === null) {
      // OpenSSL's PEM reader refuses a blank line once the base64 has started.
      out.push({
        label,
        offset: m.index ?? 0,
        der: null,
        error: `the ${label} block has a blank line inside its base64`,
      });
      continue;
    }
    const compact = body.replace(/\s+/g, '');
    if (compact.length === 0 || !B64.test(compact) || compact.length % 4 === 1) {
      out.push({ label, offset: m.index ?? 0, der: null, error: `the ${label} block is not valid base64` });
      continue;
    }
    out.push({ label, offset: m.index ?? 0, der: new Uint8Array(Buffer.from(compact, 'base64')) });
  }
  return out;
}
