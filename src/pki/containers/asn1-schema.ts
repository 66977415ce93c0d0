import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { PkiError } from '../errors.js';

/** A constructor the @peculiar/asn1-schema parser accepts. */
type AsnType<T> = new () => T;

/** Bytes in any of the forms the ASN.1 libraries and node:crypto hand around. */
export type Bytes = ArrayBuffer | Uint8Array;

/**
 * Parses DER or BER bytes with an @peculiar/asn1-schema class. Any decoding failure becomes
 * PkiError(code) with `what` in the message, never the bytes themselves (they may be secret).
 */
export function parseAs<T>(bytes: Bytes, type: AsnType<T>, what: string, code = 'corrupt'): T {
  try {
    return AsnConvert.parse(bytes as BufferSource, type);
  } catch (err) {
    const reason = (err as Error).message.includes('nesting depth') ? ' (nested too deeply)' : '';
    throw new PkiError(code, `damaged or not a valid ${what}${reason}`);
  }
}

/**
 * The value of an OCTET STRING given as its raw encoding. BER allows a constructed OCTET STRING
 * (chunks, indefinite length: NSS and some Windows exports write PFX content that way); asn1js
 * joins the chunks, which the @peculiar schema OctetString type does not.
 */
export function octetStringValue(raw: Bytes, what: string): Uint8Array {
  const parsed = asn1js.fromBER(raw as BufferSource);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.OctetString)) {
    throw new PkiError('corrupt', `damaged or not a valid ${what}`);
  }
  return new Uint8Array(parsed.result.getValue());
}

/** Bytes as a Uint8Array view, whatever BufferSource they came in. */
export function toBytes(b: Bytes): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

/** Upper-case hex, no separators (for public identifiers such as localKeyID; never for keys). */
export function toHex(b: Bytes): string {
  return Buffer.from(toBytes(b)).toString('hex').toUpperCase();
}
