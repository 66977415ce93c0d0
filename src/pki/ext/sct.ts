import { content, readTlv } from '../der.js';
import { bad, type Decoded } from './util.js';

/**
 * The embedded SCT list (RFC 6962 §3.3, OID 1.3.6.1.4.1.11129.2.4.2): an OCTET STRING holding a
 * TLS-encoded SignedCertificateTimestampList. Each SCT: version, the log's id (SHA-256 of its
 * key), the time the log promised to include the certificate.
 */
export function decodeSctList(value: Uint8Array): Decoded {
  const b = content(value, readTlv(value, 0));
  const u16 = (i: number) => {
    if (i + 2 > b.length) bad('SCT list truncated');
    return (b[i]! << 8) | b[i + 1]!;
  };
  const total = u16(0);
  if (total + 2 !== b.length) bad('SCT list length does not match');
  const scts: { version: number; logId: string; timestamp: string }[] = [];
  let i = 2;
  while (i < b.length) {
    const len = u16(i);
    const start = i + 2;
    i = start + len;
    if (i > b.length || len < 43) bad('SCT truncated');
    const version = b[start]!;
    const logId = Buffer.from(b.subarray(start + 1, start + 33)).toString('base64');
    let ms = 0;
    for (let k = 0; k < 8; k++) ms = ms * 256 + b[start + 33 + k]!;
    scts.push({ version: version + 1, logId, timestamp: new Date(ms).toISOString() });
  }
  return {
    lines: [
      `${scts.length} signed certificate timestamp${scts.length === 1 ? '' : 's'}`,
      ...scts.map((s) => `  v${s.version} log ${s.logId} at ${s.timestamp}`),
    ],
    data: { count: scts.length, scts },
  };
}
