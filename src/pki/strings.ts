import { PkiError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * The bytes as text when all are ASCII (the same text every decoder gives), else null. Most
 * names, dates and DNS names are ASCII; a JS loop over a few bytes is much cheaper than a call
 * into a TextDecoder.
 */
function asciiText(bytes: Uint8Array): string | null {
  if (bytes.length > 4096) return null;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return null;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/**
 * The bytes as TextDecoder('latin1') decodes them, with an ASCII fast path. Other bytes still go
 * through the decoder, so the text never depends on how it maps 0x80-0x9F (the WHATWG label means
 * windows-1252, yet Node 20 gives U+0080-U+009F).
 */
export function latin1Text(bytes: Uint8Array): string {
  return asciiText(bytes) ?? latin1.decode(bytes);
}

/**
 * Decodes an ASN.1 character string by its universal tag, the way OpenSSL converts it to UTF-8:
 * UTF8String must be valid UTF-8, BMPString is UTF-16BE (even length), UniversalString is UTF-32BE
 * (length a multiple of 4, valid code points); the one-byte types are read as Latin-1.
 * Throws PkiError('bad-string') where OpenSSL's conversion fails.
 */
export function decodeAsn1String(tag: number, bytes: Uint8Array): string {
  switch (tag) {
    case 12:
      try {
        return asciiText(bytes) ?? utf8.decode(bytes);
      } catch {
        throw new PkiError('bad-string', 'invalid UTF-8 in a UTF8String');
      }
    case 30: {
      if (bytes.length % 2 !== 0) throw new PkiError('bad-string', 'BMPString of odd length');
      let s = '';
      for (let i = 0; i < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return s;
    }
    case 28: {
      if (bytes.length % 4 !== 0) throw new PkiError('bad-string', 'UniversalString of bad length');
      let s = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const cp = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
          throw new PkiError('bad-string', 'invalid code point in a UniversalString');
        }
        s += String.fromCodePoint(cp);
      }
      return s;
    }
    default:
      return latin1Text(bytes);
  }
}
