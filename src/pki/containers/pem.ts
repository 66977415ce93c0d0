import { scanPem } from '../pem.js';

/** One PEM block: its label, RFC 1421 headers (Proc-Type, DEK-Info) and decoded body. */
export interface PemBlock {
  label: string;
  headers: Record<string, string>;
  der: Uint8Array;
}

/** Whether the bytes hold at least one PEM block (text before it is allowed, as zlint files have). */
export function isPem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 64 * 1024))
    .toString('latin1')
    .includes('-----BEGIN ');
}

/** Every PEM block in the text, in order (RFC 7468 with the RFC 1421 headers of traditional keys). */
export function pemBlocks(bytes: Uint8Array): PemBlock[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: PemBlock[] = [];
  for (const span of scanPem(text)) {
    const headers: Record<string, string> = {};
    const bodyLines: string[] = [];
    for (const line of text.slice(span.bodyStart, span.bodyEnd).split(/\r?\n/)) {
      const h = line.match(/^([A-Za-z-]+):\s*(.*)$/);
      if (h) headers[h[1] as string] = h[2] as string;
      else bodyLines.push(line.trim());
    }
    out.push({
      label: span.label,
      headers,
      der: new Uint8Array(Buffer.from(bodyLines.join(''), 'base64')),
    });
  }
  return out;
}
