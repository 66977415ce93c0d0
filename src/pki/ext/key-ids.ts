import { childrenOf, content, readTlv } from '../der.js';
import { colonHex, type Decoded, generalNameText, sequence } from './util.js';

/** subjectKeyIdentifier (RFC 5280 §4.2.1.2): the key's identifier, which children's AKID repeat. */
export function decodeSubjectKeyIdentifier(value: Uint8Array): Decoded {
  const keyId = colonHex(content(value, readTlv(value, 0)));
  return { lines: [keyId], data: { keyId } };
}

/** authorityKeyIdentifier (RFC 5280 §4.2.1.1): which key (and issuer, serial) signed this certificate. */
export function decodeAuthorityKeyIdentifier(value: Uint8Array): Decoded {
  const data: { keyId?: string; issuer?: string[]; serial?: string } = {};
  for (const p of sequence(value, 'authorityKeyIdentifier')) {
    if (p.tag === 0) data.keyId = colonHex(content(value, p));
    else if (p.tag === 1) data.issuer = childrenOf(value, p).map((g) => generalNameText(value, g));
    else if (p.tag === 2) data.serial = colonHex(content(value, p));
  }
  const lines = [
    ...(data.keyId ? [`keyid:${data.keyId}`] : []),
    ...(data.issuer ? data.issuer : []),
    ...(data.serial ? [`serial:${data.serial}`] : []),
  ];
  return { lines, data };
}
