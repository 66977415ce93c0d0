import { createPublicKey, type KeyObject } from 'node:crypto';
import { childrenOf, content, decodeOid, isUniversal, readTlv } from './der.js';
import { CURVES, KEY_ALGORITHMS } from './oids.js';
import type { PublicKeyInfo } from './types.js';

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

/**
 * An RSA SubjectPublicKeyInfo as a JWK. Importing RSA keys from JWK skips OpenSSL 3's generic
 * DER decoder and is about 15 times faster, which matters when a bundle holds 140 roots.
 */
function rsaJwk(spki: Uint8Array): { kty: 'RSA'; n: string; e: string } | null {
  const top = readTlv(spki, 0);
  const [alg, bits] = childrenOf(spki, top);
  if (!alg || !bits) return null;
  const oidT = childrenOf(spki, alg)[0];
  if (!oidT || decodeOid(content(spki, oidT)) !== RSA_ENCRYPTION) return null;
  const inner = content(spki, bits).subarray(1);
  const [nT, eT, extra] = childrenOf(inner, readTlv(inner, 0));
  if (!isUniversal(nT, 2) || !isUniversal(eT, 2) || extra) return null;
  const unsigned = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    return Buffer.from(b.subarray(i)).toString('base64url');
  };
  const n = content(inner, nT);
  const e = content(inner, eT);
  if ((n[0]! & 0x80) !== 0 || (e[0]! & 0x80) !== 0) return null;
  return { kty: 'RSA', n: unsigned(n), e: unsigned(e) };
}

/** A SubjectPublicKeyInfo as a node:crypto key, or null when it cannot be decoded. */
export function publicKeyObject(spki: Uint8Array): KeyObject | null {
  try {
    const jwk = rsaJwk(spki);
    if (jwk) return createPublicKey({ key: jwk, format: 'jwk' });
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
