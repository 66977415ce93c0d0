import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MacData } from '@peculiar/asn1-pfx';
import { oidName } from '../oids.js';
import { toBytes } from './asn1-schema.js';
import { unsupported } from './pbe.js';
import { bmpPassword, type Password, pkcs12Kdf } from './pkcs12-kdf.js';

const MAC_HASH: Record<string, { node: string; size: number }> = {
  '1.3.14.3.2.26': { node: 'sha1', size: 20 },
  '2.16.840.1.101.3.4.2.4': { node: 'sha224', size: 28 },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', size: 32 },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', size: 48 },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', size: 64 },
};

/** "SHA-256 MAC, 2048 iterations": how the PFX's integrity is protected. */
export function describeMac(mac: MacData): string {
  return `${oidName(mac.mac.digestAlgorithm.algorithm)} MAC, ${mac.iterations ?? 1} iterations`;
}

/**
 * RFC 7292 §5: HMAC over the AuthenticatedSafe bytes, keyed by the appendix B KDF (id 3) over the
 * password. True when it matches. Throws PkiError('unsupported-algorithm') for an unknown digest
 * (such as PBMAC1, which OpenSSL 3.0 cannot read either).
 */
export function verifyMac(mac: MacData, authSafe: Uint8Array, password: Password): boolean {
  const oid = mac.mac.digestAlgorithm.algorithm;
  const hash = MAC_HASH[oid];
  if (!hash) throw unsupported(oid);
  const key = pkcs12Kdf(
    hash.node,
    bmpPassword(password),
    toBytes(mac.macSalt.buffer),
    3,
    mac.iterations ?? 1,
    hash.size,
  );
  const expected = createHmac(hash.node, key).update(authSafe).digest();
  const given = Buffer.from(toBytes(mac.mac.digest.buffer));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
