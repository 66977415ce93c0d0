import { childrenOf, content } from '../der.js';
import { ipText } from '../verify/name-constraints.js';
import { type Decoded, generalNameText, sequence } from './util.js';

/** nameConstraints (RFC 5280 §4.2.1.10): the permitted and excluded subtrees, as OpenSSL prints them. */
export function decodeNameConstraintsText(value: Uint8Array): Decoded {
  const data: { permitted: string[]; excluded: string[] } = { permitted: [], excluded: [] };
  for (const part of sequence(value, 'nameConstraints')) {
    const list = part.tag === 0 ? data.permitted : data.excluded;
    for (const st of childrenOf(value, part)) {
      const base = childrenOf(value, st)[0];
      if (!base) continue;
      // An iPAddress base is an address and a mask (8 or 32 bytes), not one address.
      list.push(base.tag === 7 ? `IP:${ipText(content(value, base))}` : generalNameText(value, base));
    }
  }
  const lines = [
    ...(data.permitted.length ? ['Permitted:', ...data.permitted.map((n) => `  ${n}`)] : []),
    ...(data.excluded.length ? ['Excluded:', ...data.excluded.map((n) => `  ${n}`)] : []),
  ];
  return { lines, data };
}
