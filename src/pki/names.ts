import { childrenOf, content, decodeOid, encoding, hex, isUniversal, readTlv, type Tlv } from './der.js';
import { PkiError } from './errors.js';
import { dnShortName } from './oids.js';
import { decodeAsn1String } from './strings.js';
import type { NameInfo } from './types.js';

/**
 * A decoded X.501 Name: display text (attributes in certificate order, as `openssl x509 -subject`
 * prints them), common name and a canonical key for comparison.
 */
export interface ParsedName extends NameInfo {
  /** Canonical form in the spirit of RFC 5280 §7.1 (OpenSSL's X509_NAME_cmp): equal keys = same DN. */
  canonical: string;
}

/** Universal tags OpenSSL accepts as an attribute value in a Name (its B_ASN1_PRINTABLE mask). */
const VALUE_TAGS = new Set([3, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 28, 29, 30, 31]);
/** Tags OpenSSL canonicalises (converted to UTF-8, case-folded, spaces collapsed) when comparing. */
const CANON_TAGS = new Set([12, 19, 20, 22, 26, 28, 30]);
const STRING_TAGS = new Set([12, 18, 19, 20, 22, 26, 28, 30]);

/** Whitespace canonText changes: at either end, any but a space, or two in a row. */
const UNCANON_SPACE = /^[ \t\n\v\f\r]|[ \t\n\v\f\r]$|[\t\n\v\f\r]| {2}/;

function canonText(s: string): string {
  const spaced = UNCANON_SPACE.test(s)
    ? s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '').replace(/[ \t\n\v\f\r]+/g, ' ')
    : s;
  // Only A-Z are folded; for pure ASCII text toLowerCase does exactly that.
  return /^[\x00-\x7f]*$/.test(spaced)
    ? spaced.toLowerCase()
    : spaced.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function escapeValue(v: string): string {
  if (!/[,+"\\<>;]|^[ #]/.test(v)) return v;
  return v.replace(/([,+"\\<>;])/g, '\\$1').replace(/^([ #])/, '\\$1');
}

/**
 * Parses a Name TLV. Rejects what OpenSSL 3.0 rejects when it decodes a Name: an empty RDN SET,
 * an attribute value of a type outside its accepted string types, a string it cannot convert.
 * Throws PkiError('bad-name').
 */
export function parseName(buf: Uint8Array, nameTlv: Tlv): ParsedName {
  if (!isUniversal(nameTlv, 16)) throw new PkiError('bad-name', 'a name is not a SEQUENCE');
  const rdnTexts: string[] = [];
  const canon: string[] = [];
  let commonName: string | undefined;
  try {
    for (const set of childrenOf(buf, nameTlv)) {
      if (!isUniversal(set, 17)) throw new PkiError('bad-name', 'an RDN is not a SET');
      const avas = childrenOf(buf, set);
      const parts: string[] = [];
      const canonParts: string[] = [];
      for (const ava of avas) {
        if (!isUniversal(ava, 16)) throw new PkiError('bad-name', 'an attribute is not a SEQUENCE');
        const [oidT, valT, extra] = childrenOf(buf, ava);
        if (!isUniversal(oidT, 6) || !valT || extra) throw new PkiError('bad-name', 'malformed attribute');
        const oid = decodeOid(content(buf, oidT));
        if (valT.cls !== 0 || !VALUE_TAGS.has(valT.tag)) {
          throw new PkiError('bad-name', `attribute ${oid} has a value type OpenSSL rejects`);
        }
        const raw = content(buf, valT);
        let display: string;
        let canonical: string;
        if (STRING_TAGS.has(valT.tag)) {
          display = decodeAsn1String(valT.tag, raw);
          canonical = CANON_TAGS.has(valT.tag) ? `s:${canonText(display)}` : `x:${hex(encoding(buf, valT))}`;
        } else {
          display = `#${hex(encoding(buf, valT))}`;
          canonical = `x:${hex(encoding(buf, valT))}`;
        }
        const short = dnShortName(oid);
        if (oid === '2.5.4.3') commonName = display;
        parts.push(`${short}=${display.startsWith('#') ? display : escapeValue(display)}`);
        canonParts.push(`${oid}=${canonical}`);
      }
      rdnTexts.push(parts.join('+'));
      canon.push(canonParts.join('+'));
    }
  } catch (e) {
    if (e instanceof PkiError) throw e.code === 'bad-name' ? e : new PkiError('bad-name', e.message);
    throw e;
  }
  return {
    text: rdnTexts.join(', '),
    ...(commonName !== undefined ? { commonName } : {}),
    canonical: canon.join('\u0000'),
  };
}

/** Parses a Name from its full DER encoding (e.g. a directoryName). */
export function parseNameDer(der: Uint8Array): ParsedName {
  return parseName(der, readTlv(der, 0));
}
