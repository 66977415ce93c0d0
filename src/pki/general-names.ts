import { childrenOf, content, decodeOid, hex, isUniversal, readTlv, type Tlv } from './der.js';
import { PkiError } from './errors.js';
import { parseName } from './names.js';
import { decodeAsn1String, latin1Text } from './strings.js';
import type { SubjectAltNameEntry } from './types.js';

const UPN_OID = '1.3.6.1.4.1.311.20.2.3';
/** DirectoryString types OpenSSL accepts (Printable, T61, BMP, Universal, UTF8). */
const DIRECTORY_STRING_TAGS = new Set([19, 20, 30, 28, 12]);

function bad(what: string): never {
  throw new PkiError('bad-extension', what);
}

function ipText(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  if (b.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
    return groups.join(':');
  }
  return hex(b, ':');
}

/** Decodes one GeneralName (RFC 5280 §4.2.1.6), rejecting what OpenSSL's decoder rejects. */
export function decodeGeneralName(buf: Uint8Array, t: Tlv): SubjectAltNameEntry {
  if (t.cls !== 2) bad('a GeneralName has a universal tag');
  const text = () => latin1Text(content(buf, t));
  switch (t.tag) {
    case 0: {
      if (!t.constructed) bad('otherName is not constructed');
      const [oidT, valT, extra] = childrenOf(buf, t);
      if (!isUniversal(oidT, 6) || !valT || valT.cls !== 2 || valT.tag !== 0 || extra) bad('bad otherName');
      const inner = childrenOf(buf, valT);
      if (inner.length !== 1) bad('bad otherName value');
      const oid = decodeOid(content(buf, oidT));
      const v = inner[0]!;
      if (oid === UPN_OID && v.cls === 0 && v.tag === 12) {
        return { type: 'upn', value: decodeAsn1String(12, content(buf, v)) };
      }
      return { type: 'other', value: oid };
    }
    case 1:
      return { type: 'email', value: text() };
    case 2:
      return { type: 'dns', value: text() };
    case 3:
      if (!t.constructed) bad('x400Address is not constructed');
      childrenOf(buf, t);
      return { type: 'other', value: 'x400Address' };
    case 4: {
      const inner = childrenOf(buf, t);
      if (inner.length !== 1) bad('bad directoryName');
      return { type: 'dn', value: parseName(buf, inner[0]!).text };
    }
    case 5: {
      if (!t.constructed) bad('ediPartyName is not constructed');
      const parts = childrenOf(buf, t);
      let i = 0;
      if (parts[i]?.cls === 2 && parts[i]?.tag === 0) i++;
      const party = parts[i];
      if (party?.cls !== 2 || party.tag !== 1 || parts.length !== i + 1) bad('bad ediPartyName');
      for (const p of parts) {
        const [s, extra] = childrenOf(buf, p);
        if (!s || extra || s.cls !== 0 || !DIRECTORY_STRING_TAGS.has(s.tag)) bad('bad ediPartyName string');
        decodeAsn1String(s.tag, content(buf, s));
      }
      return { type: 'other', value: 'ediPartyName' };
    }
    case 6:
      return { type: 'uri', value: text() };
    case 7:
      if (t.constructed) bad('iPAddress is constructed');
      return { type: 'ip', value: ipText(content(buf, t)) };
    case 8:
      if (t.constructed) bad('registeredID is constructed');
      return { type: 'other', value: decodeOid(content(buf, t)) };
    default:
      return bad(`unknown GeneralName tag [${t.tag}]`);
  }
}

/** Decodes the GeneralNames inside a constructed TLV (SEQUENCE or implicitly tagged). */
export function decodeGeneralNamesIn(buf: Uint8Array, t: Tlv): SubjectAltNameEntry[] {
  if (!t.constructed) bad('GeneralNames is not constructed');
  return childrenOf(buf, t).map((g) => decodeGeneralName(buf, g));
}

/** Decodes a GeneralNames extension value (SAN, IAN). */
export function decodeGeneralNames(value: Uint8Array): SubjectAltNameEntry[] {
  const t = readTlv(value, 0);
  if (!isUniversal(t, 16)) bad('GeneralNames is not a SEQUENCE');
  return decodeGeneralNamesIn(value, t);
}
