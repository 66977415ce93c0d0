import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { OctetString } from '@peculiar/asn1-schema';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { PkiError } from '../errors.js';
import { oidName } from '../oids.js';
import { parseAs, toBytes } from './asn1-schema.js';
import {
  bmpPassword,
  chargeDerivation,
  checkIterations,
  MAX_PBKDF2_ITERATIONS,
  type Password,
  pkcs12Kdf,
} from './pkcs12-kdf.js';
import { rc2Decrypt } from './rc2.js';
import { Pbes2Params, Pbkdf2Params, Pkcs12PbeParams, Rc2CbcParams } from './schemas.js';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';

/** RFC 7292 appendix C PBE schemes: cipher, key bytes, RC2 effective bits. */
const PKCS12_PBE: Record<string, { cipher: 'des-ede3-cbc' | 'rc2'; keyLen: number; bits?: number }> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLen: 24 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLen: 16, bits: 128 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLen: 5, bits: 40 },
};

/** PBES2 ciphers node:crypto has without the legacy provider. */
const PBES2_CIPHER: Record<string, { node: string; keyLen: number }> = {
  '2.16.840.1.101.3.4.1.2': { node: 'aes-128-cbc', keyLen: 16 },
  '2.16.840.1.101.3.4.1.22': { node: 'aes-192-cbc', keyLen: 24 },
  '2.16.840.1.101.3.4.1.42': { node: 'aes-256-cbc', keyLen: 32 },
  '1.2.840.113549.3.7': { node: 'des-ede3-cbc', keyLen: 24 },
  '1.2.392.200011.61.1.1.1.2': { node: 'camellia-128-cbc', keyLen: 16 },
  '1.2.392.200011.61.1.1.1.4': { node: 'camellia-256-cbc', keyLen: 32 },
};

const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/** What protects one encrypted part, in words ("AES-256-CBC with PBKDF2-HMAC-SHA256, 2048 iterations"). */
export interface PbeDescription {
  text: string;
  /** RC2, 3DES or RC4 with the PKCS#12 KDF: the algorithms of `openssl pkcs12 -legacy`. */
  legacy: boolean;
}

/** Describes an encryption AlgorithmIdentifier without decrypting anything. */
export function describePbe(alg: AlgorithmIdentifier): PbeDescription {
  if (alg.algorithm === PBES2 && alg.parameters) {
    try {
      const p = parseAs(alg.parameters, Pbes2Params, 'PBES2 parameters');
      const cipher = oidName(p.encryptionScheme.algorithm);
      if (p.keyDerivationFunc.algorithm !== PBKDF2)
        return { text: `${cipher} with ${oidName(p.keyDerivationFunc.algorithm)}`, legacy: false };
      const k = parseAs(
        p.keyDerivationFunc.parameters ?? new ArrayBuffer(0),
        Pbkdf2Params,
        'PBKDF2 parameters',
      );
      const prf = (
        PRF[k.prf?.algorithm ?? '1.2.840.113549.2.7'] ?? oidName(k.prf?.algorithm ?? '')
      ).toUpperCase();
      return { text: `${cipher} with PBKDF2-HMAC-${prf}, ${k.iterationCount} iterations`, legacy: false };
    } catch {
      return { text: 'PBES2 (parameters unreadable)', legacy: false };
    }
  }
  const iterations = alg.parameters ? tryIterations(alg.parameters) : undefined;
  const legacy = alg.algorithm.startsWith('1.2.840.113549.1.12.1.');
  return { text: `${oidName(alg.algorithm)}${iterations ? `, ${iterations} iterations` : ''}`, legacy };
}

function tryIterations(params: ArrayBuffer): number | undefined {
  try {
    return parseAs(params, Pkcs12PbeParams, 'PBE parameters').iterations;
  } catch {
    return undefined;
  }
}

/**
 * Decrypts data protected by a PKCS#12 PBE scheme or PBES2. Returns null when the result's padding
 * is wrong (almost always a wrong password). Throws PkiError('unsupported', 'unsupported: NAME')
 * for an algorithm this reader does not implement.
 */
export function pbeDecrypt(
  alg: AlgorithmIdentifier,
  data: Uint8Array,
  password: Password,
): Uint8Array | null {
  const pkcs12 = PKCS12_PBE[alg.algorithm];
  if (pkcs12) {
    const p = parseAs(alg.parameters ?? new ArrayBuffer(0), Pkcs12PbeParams, 'PBE parameters');
    const salt = toBytes(p.salt.buffer);
    const pw = bmpPassword(password);
    const key = pkcs12Kdf('sha1', pw, salt, 1, p.iterations, pkcs12.keyLen);
    const iv = pkcs12Kdf('sha1', pw, salt, 2, p.iterations, 8);
    if (pkcs12.cipher === 'rc2') return rc2Decrypt(key, pkcs12.bits ?? 128, iv, data);
    return nodeDecrypt(pkcs12.cipher, key, iv, data);
  }
  if (alg.algorithm !== PBES2) throw unsupported(alg.algorithm);
  const p = parseAs(alg.parameters ?? new ArrayBuffer(0), Pbes2Params, 'PBES2 parameters');
  if (p.keyDerivationFunc.algorithm !== PBKDF2) throw unsupported(p.keyDerivationFunc.algorithm);
  const k = parseAs(p.keyDerivationFunc.parameters ?? new ArrayBuffer(0), Pbkdf2Params, 'PBKDF2 parameters');
  const prfOid = k.prf?.algorithm ?? '1.2.840.113549.2.7';
  const prf = PRF[prfOid];
  if (!prf) throw unsupported(prfOid);
  const scheme = p.encryptionScheme;
  const pw = Buffer.from(password.isNull ? '' : password.text, 'utf8');
  const salt = toBytes(k.salt.buffer);
  if (scheme.algorithm === '1.2.840.113549.3.2') {
    const rc = parseAs(scheme.parameters ?? new ArrayBuffer(0), Rc2CbcParams, 'RC2 parameters');
    const bits = rc2Bits(rc.rc2ParameterVersion);
    const key = pbkdf2(pw, salt, k.iterationCount, k.keyLength ?? bits / 8, prf);
    return rc2Decrypt(key, bits, toBytes(rc.iv.buffer), data);
  }
  const cipher = PBES2_CIPHER[scheme.algorithm];
  if (!cipher) throw unsupported(scheme.algorithm);
  const iv = parseAs(scheme.parameters ?? new ArrayBuffer(0), OctetString, 'cipher IV');
  const key = pbkdf2(pw, salt, k.iterationCount, cipher.keyLen, prf);
  return nodeDecrypt(cipher.node, key, toBytes(iv.buffer), data);
}

const DIGEST_BYTES: Record<string, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** PBKDF2 keys already derived in this process: the same input is never derived twice. */
const derivedKeys = new Map<string, Buffer>();

/** PBKDF2 (RFC 8018 §5.2) within the iteration cap and the file's derivation budget. */
function pbkdf2(pw: Buffer, salt: Uint8Array, iterations: number, length: number, prf: string): Buffer {
  checkIterations(iterations, MAX_PBKDF2_ITERATIONS, 'PBKDF2');
  const memo = [prf, iterations, length, Buffer.from(salt).toString('hex'), pw.toString('hex')].join(':');
  const known = derivedKeys.get(memo);
  if (known) return known;
  chargeDerivation(iterations * Math.ceil(length / (DIGEST_BYTES[prf] ?? 20)));
  const key = pbkdf2Sync(pw, salt, iterations, length, prf);
  if (derivedKeys.size >= 64) derivedKeys.clear();
  derivedKeys.set(memo, key);
  return key;
}

/** RFC 8018 B.2.3: version 160 → 40 bits, 120 → 64, 58 → 128; a value ≥ 256 is the bit count. */
function rc2Bits(version: number | undefined): number {
  if (version === undefined) return 32;
  if (version === 160) return 40;
  if (version === 120) return 64;
  if (version === 58) return 128;
  return version >= 256 ? version : 128;
}

function nodeDecrypt(cipher: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | null {
  try {
    const d = createDecipheriv(cipher, key, iv);
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  } catch {
    return null;
  }
}

/** The typed error for an algorithm this reader cannot use: "unsupported: NAME". */
export function unsupported(oid: string): PkiError {
  return new PkiError('unsupported-algorithm', `unsupported: ${oidName(oid)}`);
}
