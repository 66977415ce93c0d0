import { createHash } from 'node:crypto';
import { PkiError } from '../errors.js';

/**
 * Iteration caps. Real tools write 2,048 (OpenSSL), 2,000 (Windows) or 10,000 (Java) PKCS#12 KDF
 * iterations and up to ~600,000 PBKDF2 ones (OWASP's 2023 advice), while a 2.5 KB hostile PFX can
 * ask for 2^31-1 (hours of CPU). Above a cap the file is refused with a typed error before any
 * derivation: at the caps one derivation costs about 0.2 s on the 2-core build machine.
 */
export const MAX_PKCS12_KDF_ITERATIONS = 100_000;
export const MAX_PBKDF2_ITERATIONS = 1_000_000;

/** Throws PkiError('iteration-count-too-high') when `count` is above `cap`. */
export function checkIterations(count: number, cap: number, what: string): void {
  if (Number.isSafeInteger(count) && count >= 1 && count <= cap) return;
  const n = (x: number) => x.toLocaleString('en-US');
  throw new PkiError(
    'iteration-count-too-high',
    `${what} asks for ${n(count)} iterations; cert-tutor refuses more than ${n(cap)} (real tools write 2,048 to 600,000): export the file again with a usual iteration count`,
  );
}

/**
 * The derivation work one file may ask for in total (every bag, the MAC, each password tried), in
 * PBKDF2-iteration units: a PKCS#12 KDF iteration costs about ten (it hashes a 64-byte block with a
 * fresh digest each round), and each output block repeats the iterations. 3,000,000 units cost
 * about 0.5-1 s on the 2-core build machine, so a file of many bags at the cap cannot freeze
 * cert-tutor for longer, and the event loop (q, Ctrl+C, signals) runs again between files.
 */
export const MAX_DERIVATION_WORK = 3_000_000;
const PKCS12_KDF_WEIGHT = 10;

let work: { spent: number; limit: number } | null = null;

/**
 * Runs `read` (one file's reading) within a derivation budget of `limit` units; a reading nested
 * in another shares the outer budget.
 */
export function withDerivationBudget<T>(read: () => T, limit = MAX_DERIVATION_WORK): T {
  if (work) return read();
  work = { spent: 0, limit };
  try {
    return read();
  } finally {
    work = null;
  }
}

/** Charges `units` of derivation work; throws PkiError('derivation-work-too-high') past the budget. */
export function chargeDerivation(units: number): void {
  if (!work) return;
  work.spent += units;
  if (work.spent <= work.limit) return;
  throw new PkiError(
    'derivation-work-too-high',
    `the file asks for more key derivation than cert-tutor does for one file (more than ${MAX_DERIVATION_WORK.toLocaleString('en-US')} PBKDF2-iteration units in all its bags and checks): export it again with one key and a usual iteration count`,
  );
}

/** Derivations already made in this process, so the same input is never derived twice. */
const derived = new Map<string, Uint8Array>();

/** A PKCS#12 password. `isNull` is the NULL password some tools use in place of the empty one. */
export interface Password {
  text: string;
  isNull?: boolean;
}

const BLOCK: Record<string, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };
const HASH_BYTES: Record<string, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

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
  checkIterations(iterations, MAX_PKCS12_KDF_ITERATIONS, 'the PKCS#12 key derivation');
  const memo = [
    hash,
    id,
    iterations,
    length,
    Buffer.from(salt).toString('hex'),
    Buffer.from(password).toString('hex'),
  ].join(':');
  const known = derived.get(memo);
  if (known) return known;
  chargeDerivation(iterations * PKCS12_KDF_WEIGHT * Math.ceil(length / (HASH_BYTES[hash] ?? 20)));
  const result = deriveKey(v, { hash, password, salt, id, iterations, length });
  if (derived.size >= 64) derived.clear();
  derived.set(memo, result);
  return result;
}

/** The inputs of one PKCS#12 KDF derivation (RFC 7292 B.2). */
interface KdfInput {
  hash: string;
  password: Uint8Array;
  salt: Uint8Array;
  id: 1 | 2 | 3;
  iterations: number;
  length: number;
}

/** RFC 7292 B.2 with `v`, the hash's block size in bytes. */
function deriveKey(v: number, { hash, password, salt, id, iterations, length }: KdfInput): Uint8Array {
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
