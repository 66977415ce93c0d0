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
 * Every PEM block in the text, in order, with any text around them ignored (zlint files carry an
 * `openssl x509 -text` dump before each block). Base64 must be clean: only the base64 alphabet and
 * whitespace, padding only at the end; RFC 1421 headers (Proc-Type, DEK-Info) are skipped.
 */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1]!;
    let body = m[2]!;
    if (/^[ \t]*\r?\n[ \t]*\r?\n/.test(body)) {
      // OpenSSL's PEM reader refuses a blank line right after BEGIN (an empty RFC 1421 header).
      out.push({
        label,
        offset: m.index ?? 0,
        der: null,
        error: `the ${label} block has a blank line after its BEGIN line`,
      });
      continue;
    }
    const headerEnd = body.search(/\r?\n\r?\n/);
    if (/^\s*[A-Za-z-]+:/.test(body) && headerEnd >= 0) body = body.slice(headerEnd);
    const compact = body.replace(/\s+/g, '');
    if (compact.length === 0 || !B64.test(compact) || compact.length % 4 === 1) {
      out.push({ label, offset: m.index ?? 0, der: null, error: `the ${label} block is not valid base64` });
      continue;
    }
    out.push({ label, offset: m.index ?? 0, der: new Uint8Array(Buffer.from(compact, 'base64')) });
  }
  return out;
}
