/** One PEM block: its label, RFC 1421 headers (Proc-Type, DEK-Info) and decoded body. */
export interface PemBlock {
  label: string;
  headers: Record<string, string>;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

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
  for (const m of text.matchAll(BLOCK)) {
    const headers: Record<string, string> = {};
    const bodyLines: string[] = [];
    for (const line of (m[2] ?? '').split(/\r?\n/)) {
      const h = line.match(/^([A-Za-z-]+):\s*(.*)$/);
      if (h) headers[h[1] as string] = h[2] as string;
      else bodyLines.push(line.trim());
    }
    out.push({
      label: m[1] as string,
      headers,
      der: new Uint8Array(Buffer.from(bodyLines.join(''), 'base64')),
    });
  }
  return out;
}

/** PEM labels of private keys (docs/pki-rules.md §4.3). */
export const KEY_LABELS = [
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
];
