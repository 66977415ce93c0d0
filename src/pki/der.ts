import { PkiError } from './errors.js';

/** One DER/BER tag-length-value, located inside a byte buffer (no copying). */
export interface Tlv {
  /** Tag class: 0 universal, 1 application, 2 context-specific, 3 private. */
  cls: number;
  constructed: boolean;
  /** The tag number (e.g. 16 for SEQUENCE, 0 for [0]). */
  tag: number;
  /** Offset of the first header byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

/** Universal tag numbers used by the engine. */
export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8String: 12,
  SEQUENCE: 16,
  SET: 17,
  PrintableString: 19,
  T61String: 20,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  VisibleString: 26,
  UniversalString: 28,
  BMPString: 30,
} as const;

function fail(what: string): never {
  throw new PkiError('bad-der', `malformed DER: ${what}`);
}

/** Reads the TLV that starts at `pos` and must end by `limit`. Throws PkiError('bad-der'). */
export function readTlv(buf: Uint8Array, pos: number, limit = buf.length): Tlv {
  const start = pos;
  if (pos >= limit) fail('unexpected end of data');
  const first = buf[pos++]!;
  const cls = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let n = 0; ; n++) {
      if (pos >= limit || n > 3) fail('bad tag');
      const b = buf[pos++]!;
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= limit) fail('missing length');
  const lb = buf[pos++]!;
  let len: number;
  if (lb < 0x80) len = lb;
  else if (lb === 0x80) fail('indefinite length');
  else {
    const n = lb & 0x7f;
    if (n > 4 || pos + n > limit) fail('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos++]!;
  }
  const end = pos + len;
  if (end > limit) fail('length runs past the end');
  return { cls, constructed, tag, start, contentStart: pos, end };
}

/** The TLVs directly inside a constructed TLV, in order. */
export function childrenOf(buf: Uint8Array, tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = tlv.contentStart;
  while (pos < tlv.end) {
    const t = readTlv(buf, pos, tlv.end);
    out.push(t);
    pos = t.end;
  }
  return out;
}

/** True if the TLV is universal with the given tag number. */
export function isUniversal(t: Tlv | undefined, tag: number): t is Tlv {
  return t !== undefined && t.cls === 0 && t.tag === tag;
}

/** The content bytes of a TLV (a view, not a copy). */
export function content(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.contentStart, t.end);
}

/** The whole encoding of a TLV, header included (a view). */
export function encoding(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.start, t.end);
}

/** Decodes an OBJECT IDENTIFIER's content to dotted form. Throws on an empty or truncated OID. */
export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) fail('empty OID');
  let out = '';
  let v = 0;
  let inArc = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (!inArc && b === 0x80) fail('OID arc with a leading 0x80 byte');
    v = v * 128 + (b & 0x7f);
    inArc = (b & 0x80) !== 0;
    if (!inArc) {
      // The first subidentifier holds the first two arcs (X.690 §8.19.4).
      out = out === '' ? (v < 40 ? `0.${v}` : v < 80 ? `1.${v - 40}` : `2.${v - 80}`) : `${out}.${v}`;
      v = 0;
    }
  }
  if (inArc) fail('truncated OID');
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0').toUpperCase());

/** Hex of bytes, upper case, optionally joined by a separator. */
export function hex(bytes: Uint8Array, sep = ''): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += i === 0 ? HEX[bytes[i]!]! : sep + HEX[bytes[i]!]!;
  return s;
}

/** Whether two byte arrays are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What OpenSSL's INTEGER decoder (c2i_ibuf) refuses in an INTEGER's content: nothing at all, or a
 * redundant leading 0x00/0xFF byte (X.690 §8.3.2). Null when the content is minimal.
 */
export function integerProblem(c: Uint8Array): 'empty' | 'padding' | null {
  if (c.length === 0) return 'empty';
  if (c.length > 1) {
    const pad = c[0] === 0 || (c[0] === 0xff && c.subarray(1).some((b) => b !== 0));
    if (pad && (c[0]! & 0x80) === (c[1]! & 0x80)) return 'padding';
  }
  return null;
}

/**
 * Serial number as upper-case hex. DER encodes INTEGERs in two's complement, so a serial whose
 * top bit is set gets a leading 0x00 byte to stay positive; that byte is sign padding, not part
 * of the number, and OpenSSL and Windows do not show it either.
 */
export function serialHex(serial: Uint8Array): string {
  const s = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return hex(s);
}
