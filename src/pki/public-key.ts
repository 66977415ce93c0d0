import { createPublicKey, type KeyObject } from 'node:crypto';
import { childrenOf, content, decodeOid, isUniversal, readTlv } from './der.js';
import { CURVES, KEY_ALGORITHMS } from './oids.js';
import type { PublicKeyInfo } from './types.js';

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

/**
 * The RSAPublicKey (PKCS#1) inside an rsaEncryption SubjectPublicKeyInfo, or null. Node imports it
 * with OpenSSL's direct RSAPublicKey decoder, the one OpenSSL's own SPKI reading ends in; OpenSSL
 * 3's generic SPKI decoder is about 15 times slower, which matters when a bundle holds 140 roots
 * (and a JWK import, used before, spent more again on base64url in both directions).
 */
function rsaPublicKey(spki: Uint8Array): Uint8Array | null {
  const top = readTlv(spki, 0);
  const [alg, bits] = childrenOf(spki, top);
  if (!alg || !bits || !isUniversal(bits, 3)) return null;
  const oidT = childrenOf(spki, alg)[0];
  if (!oidT || decodeOid(content(spki, oidT)) !== RSA_ENCRYPTION) return null;
  const c = content(spki, bits);
  return c[0] === 0 ? c.subarray(1) : null;
}

/** A SubjectPublicKeyInfo as a node:crypto key, or null when it cannot be decoded. */
export function publicKeyObject(spki: Uint8Array): KeyObject | null {
  try {
    const rsa = rsaPublicKey(spki);
    if (rsa) return createPublicKey({ key: rsa as Buffer, format: 'der', type: 'pkcs1' });
  } catch {
    // fall back to the DER decoder below
  }
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
