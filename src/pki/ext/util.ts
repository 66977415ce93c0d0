import { childrenOf, content, decodeOid, hex, isUniversal, readTlv, type Tlv } from '../der.js';
import { PkiError } from '../errors.js';
import { decodeGeneralName } from '../general-names.js';

/** A decoded extension value: lines for the card, data for JSON. */
export interface Decoded {
  lines: string[];
  data: Record<string, unknown>;
}

export function bad(what: string): never {
  throw new PkiError('bad-extension', what);
}

/** The outer SEQUENCE of an extension value and its children. */
export function sequence(value: Uint8Array, what: string): Tlv[] {
  const t = readTlv(value, 0);
  if (!isUniversal(t, 16)) bad(`${what} is not a SEQUENCE`);
  return childrenOf(value, t);
}

export const oidOf = (buf: Uint8Array, t: Tlv | undefined, what: string): string => {
  if (!isUniversal(t, 6)) bad(`${what}: expected an OID`);
  return decodeOid(content(buf, t));
};

/** Hex with colons, upper case, as OpenSSL prints key identifiers and serials. */
export const colonHex = (b: Uint8Array) => hex(b, ':').toUpperCase();

const GN_PREFIX: Record<string, string> = {
  dns: 'DNS',
  ip: 'IP Address',
  email: 'email',
  uri: 'URI',
  upn: 'UPN',
  dn: 'DirName',
  other: 'othername',
};

/** One GeneralName as OpenSSL's text prints it ("URI:http://...", "DNS:...", "DirName:..."). */
export function generalNameText(buf: Uint8Array, t: Tlv): string {
  const g = decodeGeneralName(buf, t);
  return `${GN_PREFIX[g.type] ?? g.type}:${g.value}`;
}

/** Small non-negative INTEGER. */
export function smallInt(buf: Uint8Array, t: Tlv | undefined, what: string): number {
  if (!isUniversal(t, 2)) bad(`${what}: expected an INTEGER`);
  const c = content(buf, t);
  if (c.length === 0 || c.length > 6 || c[0]! & 0x80) bad(`${what}: INTEGER out of range`);
  return c.reduce((v, b) => v * 256 + b, 0);
}
