import { createHash } from 'node:crypto';

/** A PKCS#12 password. `isNull` is the NULL password some tools use in place of the empty one. */
export interface Password {
  text: string;
  isNull?: boolean;
}

const BLOCK: Record<string, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/** RFC 7292 B.1: the password as BMPString (UTF-16BE) with two terminating zero bytes. */
export function bmpPassword(pw: Password): Uint8Array {
  if (pw.isNull) return new Uint8Array(0);
  const out = Buffer.alloc(pw.text.length * 2 + 2);
  for (let i = 0; i < pw.text.length; i++) out.writeUInt16BE(pw.text.charCodeAt(i), i * 2);
  return out;
}

/** Whether the digest is one the PKCS#12 KDF supports here. */
export const isKdfHash = (hash: string) => hash in BLOCK;

/**
 * RFC 7292 appendix B.2 key derivation (id 1 = key, 2 = IV, 3 = MAC key). Written here because
 * neither WebCrypto nor node:crypto offers it, and node-forge's version runs a JavaScript hash over
 * binary strings; node:crypto's native digests keep high iteration counts fast.
 */
export function pkcs12Kdf(
  hash: string,
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
): Uint8Array {
  const v = BLOCK[hash];
  if (v === undefined) throw new Error(`no PKCS#12 KDF for ${hash}`);
  const fill = (src: Uint8Array) => {
    const len = src.length === 0 ? 0 : v * Math.ceil(src.length / v);
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length] as number;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(password)]);
  const chunks: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    chunks.push(A);
    produced += A.length;
    if (produced >= length) break;
    const B = Buffer.alloc(v);
    for (let i = 0; i < v; i++) B[i] = A[i % A.length] as number;
    // I_j = (I_j + B + 1) mod 2^(8v), for each v-byte block of I (big-endian addition).
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] as number) + (B[k] as number) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, length));
}
