import { createPublicKey, type KeyObject } from 'node:crypto';
import { childrenOf, content, decodeOid, isUniversal, readTlv } from './der.js';
import { CURVES, KEY_ALGORITHMS } from './oids.js';
import type { PublicKeyInfo } from './types.js';

/** A SubjectPublicKeyInfo as a node:crypto key, or null when it cannot be decoded. */
export function publicKeyObject(spki: Uint8Array): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

function curveOf(params: Uint8Array | null): { name: string; bits: number } | undefined {
  if (!params) return undefined;
  try {
    const t = readTlv(params, 0);
    if (!isUniversal(t, 6)) return undefined;
    const oid = decodeOid(content(params, t));
    return CURVES[oid] ?? { name: oid, bits: 0 };
  } catch {
    return undefined;
  }
}

function rsaModulusBits(spki: Uint8Array): number | undefined {
  try {
    const top = readTlv(spki, 0);
    const bits = childrenOf(spki, top)[1]!;
    const inner = content(spki, bits).subarray(1);
    const seq = readTlv(inner, 0);
    const n = childrenOf(inner, seq)[0]!;
    let c = content(inner, n);
    while (c.length > 1 && c[0] === 0) c = c.subarray(1);
    return c.length * 8 - Math.clz32(c[0]!) + 24;
  } catch {
    return undefined;
  }
}

/** Describes the subject public key: algorithm, size in bits, curve. */
export function describePublicKey(
  spki: Uint8Array,
  algOid: string,
  params: Uint8Array | null,
): PublicKeyInfo {
  const alg = KEY_ALGORITHMS[algOid];
  const info: PublicKeyInfo = { algorithm: alg?.name ?? algOid };
  if (alg?.key === 'rsa' || alg?.key === 'rsa-pss') {
    const size = rsaModulusBits(spki);
    if (size) info.size = size;
  } else if (alg?.key === 'ec') {
    const c = curveOf(params);
    if (c) {
      info.curve = c.name;
      if (c.bits) info.size = c.bits;
    }
  } else if (alg?.key === 'ed25519' || alg?.key === 'x25519') info.size = 256;
  else if (alg?.key === 'ed448' || alg?.key === 'x448') info.size = 448;
  else if (alg?.key === 'dsa') {
    const d = publicKeyObject(spki)?.asymmetricKeyDetails;
    if (d?.modulusLength) info.size = d.modulusLength;
  }
  return info;
}
