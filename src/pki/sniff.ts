import type { ContainerKind } from './container-types.js';
import { childrenOf, content, decodeOid, isUniversal, readTlv } from './der.js';

/** What a DER blob looks like from its outer structure. */
export type DerKind = 'certificate' | ContainerKind | 'unknown';

/**
 * Guesses the structure of a DER blob from its first levels: Certificate, PKCS#12 PFX
 * (version 3 + ContentInfo), PKCS#7 ContentInfo (1.2.840.113549.1.7.x), PKCS#8 / PKCS#1 /
 * SEC1 private key, PKCS#10 request. Never throws.
 */
export function sniffDer(der: Uint8Array): DerKind {
  try {
    // BER with an indefinite outer length (NSS and some Windows exports): look at the first field.
    if (der[0] === 0x30 && der[1] === 0x80) {
      const first = readTlv(der, 2);
      const c = content(der, first);
      if (isUniversal(first, 2) && c.length === 1 && c[0] === 3) return 'pkcs12';
      if (isUniversal(first, 6) && decodeOid(c).startsWith('1.2.840.113549.1.7.')) return 'pkcs7';
      return 'unknown';
    }
    const top = readTlv(der, 0);
    if (!isUniversal(top, 16)) return 'unknown';
    const kids = childrenOf(der, top);
    const [a, b, c] = kids;
    if (isUniversal(a, 6) && decodeOid(content(der, a)).startsWith('1.2.840.113549.1.7.')) return 'pkcs7';
    if (isUniversal(a, 2)) {
      const v = content(der, a);
      if (v.length === 1 && v[0] === 3 && isUniversal(b, 16)) return 'pkcs12';
      if (isUniversal(b, 16) && isUniversal(c, 4)) return 'private-key';
      if (kids.length >= 9 && kids.every((k) => isUniversal(k, 2))) return 'private-key';
      if (v.length === 1 && v[0] === 1 && isUniversal(b, 4)) return 'private-key';
      return 'unknown';
    }
    if (isUniversal(a, 16) && isUniversal(b, 16) && isUniversal(c, 3)) {
      const inner = childrenOf(der, a);
      const first = inner[0];
      if (first && first.cls === 2 && first.tag === 0) return 'certificate';
      if (isUniversal(first, 2) && isUniversal(inner[1], 2)) return 'certificate';
      if (inner.length === 4 && isUniversal(first, 2) && inner[3]?.cls === 2) return 'csr';
      return 'certificate';
    }
    return 'unknown';
  } catch {
    return 'unknown';
  }
}
