import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import * as asn1js from 'asn1js';
import { ATTR_KEY_USAGE, oidName } from '../oids.js';
import type { PrivateKeyReport } from '../types.js';
import { parseAs } from './asn1-schema.js';

/**
 * A key found in a file, described, plus its public key (SubjectPublicKeyInfo DER) for matching it
 * to a certificate. The private key bytes themselves are never kept in this object.
 */
export interface FoundKey {
  report: PrivateKeyReport;
  publicKeyDer?: Uint8Array;
}

const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp256k1: { name: 'secp256k1', bits: 256 },
};

const ALGORITHMS: Record<string, string> = {
  rsa: 'RSA',
  'rsa-pss': 'RSA-PSS',
  ec: 'EC',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
  dsa: 'DSA',
  x25519: 'X25519',
  x448: 'X448',
  dh: 'DH',
};

/** Algorithm, size and curve of a node:crypto key (private or public). */
export function keyShape(key: KeyObject): Pick<PrivateKeyReport, 'algorithm' | 'size' | 'curve'> {
  const type = key.asymmetricKeyType ?? 'unknown';
  const d = key.asymmetricKeyDetails ?? {};
  const shape: Pick<PrivateKeyReport, 'algorithm' | 'size' | 'curve'> = {
    algorithm: ALGORITHMS[type] ?? type,
  };
  if (d.modulusLength) shape.size = d.modulusLength;
  if (d.namedCurve) {
    const c = CURVES[d.namedCurve];
    shape.curve = c?.name ?? d.namedCurve;
    if (c) shape.size = c.bits;
  }
  if (type === 'ed25519' || type === 'x25519') shape.size = 255;
  if (type === 'ed448' || type === 'x448') shape.size = 448;
  return shape;
}

/** Describes a node:crypto private key; `publicKeyDer` is its SubjectPublicKeyInfo. */
export function describeKeyObject(key: KeyObject, format: string, encrypted: boolean): FoundKey {
  return {
    report: { ...keyShape(key), encrypted, format },
    publicKeyDer: new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' })),
  };
}

/**
 * Describes a decrypted PKCS#8 PrivateKeyInfo: algorithm, size or curve, and the Windows KeySpec
 * carried in its attribute 2.5.29.15 (docs/pki-rules.md §3.3: 0x10 AT_KEYEXCHANGE, 0x80 AT_SIGNATURE).
 */
export function describePkcs8(der: Uint8Array, format: string, encrypted: boolean): FoundKey {
  const info = parseAs(der, PrivateKeyInfo, 'PKCS#8 private key');
  let found: FoundKey;
  try {
    found = describeKeyObject(
      createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }),
      format,
      encrypted,
    );
  } catch {
    found = { report: { algorithm: oidName(info.privateKeyAlgorithm.algorithm), encrypted, format } };
  }
  found.report.keySpec = keySpecOf(info);
  return found;
}

function keySpecOf(info: PrivateKeyInfo): PrivateKeyReport['keySpec'] {
  const attr = info.attributes?.find((a) => a.type === ATTR_KEY_USAGE);
  const value = attr?.values[0];
  if (!value) return 'not recorded';
  const parsed = asn1js.fromBER(value);
  if (!(parsed.result instanceof asn1js.BitString)) return 'not recorded';
  const first = parsed.result.valueBlock.valueHexView[0] ?? 0;
  if (first & 0x10) return 'AT_KEYEXCHANGE';
  if (first & 0x80) return 'AT_SIGNATURE';
  return 'not recorded';
}
