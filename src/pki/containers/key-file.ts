import { createPrivateKey } from 'node:crypto';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { PkiError } from '../errors.js';
import { parseAs, toBytes } from './asn1-schema.js';
import { describeKeyObject, describePkcs8, type FoundKey } from './key-info.js';
import { describePbe, pbeDecrypt } from './pbe.js';
import type { PemBlock } from './pem.js';
import type { ContainerReading } from './reading.js';

const TRADITIONAL: Record<string, string> = {
  'RSA PRIVATE KEY': 'RSA',
  'EC PRIVATE KEY': 'EC',
  'DSA PRIVATE KEY': 'DSA',
};

/**
 * Describes one PEM private key block (PKCS#8, encrypted PKCS#8, traditional RSA/EC/DSA with or
 * without `Proc-Type: 4,ENCRYPTED`), adding it to `into`. Without the password an encrypted key is
 * still reported (encrypted, algorithm when the label says it); a wrong password sets the error.
 */
export function readPemKey(block: PemBlock, password: string | undefined, into: ContainerReading): void {
  const n = into.keys.length + 1;
  try {
    const key = describeBlock(block, password, into, n);
    if (key) into.keys.push(key);
  } catch (err) {
    into.keys.push({ report: { algorithm: 'unknown', encrypted: isEncrypted(block), format: block.label } });
    const typed = err instanceof PkiError && TYPED_KEY_ERRORS.has(err.code);
    into.error ??= typed
      ? { code: err.code, message: err.message }
      : isEncrypted(block)
        ? { code: 'wrong-password', message: 'wrong password (try --password)' }
        : { code: 'corrupt', message: `damaged or unreadable ${block.label} block` };
  }
}

/** Errors reported as they are (not as "wrong password"): the file asks for too much or for the unknown. */
const TYPED_KEY_ERRORS = new Set([
  'unsupported-algorithm',
  'iteration-count-too-high',
  'derivation-work-too-high',
]);

function isEncrypted(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/.test(block.headers['Proc-Type'] ?? '');
}

function describeBlock(
  block: PemBlock,
  password: string | undefined,
  into: ContainerReading,
  n: number,
): FoundKey | null {
  if (block.label === 'PRIVATE KEY') return plainPkcs8(block.der);
  if (block.label === 'ENCRYPTED PRIVATE KEY') {
    const epki = parseAs(block.der, EncryptedPrivateKeyInfo, 'encrypted private key');
    into.notes.push(`key ${n} is encrypted with ${describePbe(epki.encryptionAlgorithm).text}`);
    if (password === undefined) return needsPassword('unknown until decrypted', block.label, into, n);
    let plain: Uint8Array | null;
    try {
      plain = pbeDecrypt(epki.encryptionAlgorithm, toBytes(epki.encryptedData.buffer), { text: password });
    } catch (err) {
      // Schemes this reader does not implement (scrypt, PBES1 DES) may still be known to node:crypto.
      // Only those: a file over an iteration cap or the derivation budget must not be derived by
      // OpenSSL instead, without any cap (hours of CPU for 2^31-1 iterations).
      if (!(err instanceof PkiError && err.code === 'unsupported-algorithm')) throw err;
      const key = nodeDecrypt(block, password);
      if (key === 'bad-decrypt') throw new Error('decrypt');
      if (key) return key;
      throw err;
    }
    if (!plain) throw new Error('decrypt');
    const found = describePkcs8(plain, block.label, true);
    plain.fill(0);
    delete found.report.keySpec;
    return found;
  }
  const traditional = TRADITIONAL[block.label];
  if (traditional) {
    const encrypted = isEncrypted(block);
    if (encrypted) {
      into.notes.push(
        `key ${n} is encrypted with ${block.headers['DEK-Info']?.split(',')[0] ?? 'a cipher'} (traditional OpenSSL PEM encryption)`,
      );
      if (password === undefined) return needsPassword(traditional, block.label, into, n);
    }
    const pem = `-----BEGIN ${block.label}-----\n${Object.entries(block.headers)
      .map(([k, v]) => `${k}: ${v}\n`)
      .join(
        '',
      )}${block.headers['DEK-Info'] ? '\n' : ''}${wrap64(Buffer.from(block.der).toString('base64'))}\n-----END ${block.label}-----\n`;
    return describeKeyObject(
      createPrivateKey({ key: pem, format: 'pem', ...(encrypted && { passphrase: password }) }),
      block.label,
      encrypted,
    );
  }
  into.notes.push(`a ${block.label} block is a private key this reader does not describe`);
  return { report: { algorithm: 'unknown', encrypted: false, format: block.label } };
}

function plainPkcs8(der: Uint8Array): FoundKey {
  const found = describePkcs8(der, 'PRIVATE KEY', false);
  delete found.report.keySpec;
  return found;
}

function needsPassword(algorithm: string, format: string, into: ContainerReading, n: number): FoundKey {
  into.notes.push(
    `key ${n} needs its password (--password) before its size and certificate match can be shown`,
  );
  return { report: { algorithm, encrypted: true, format } };
}

/** Describes a DER private key file (PKCS#8, PKCS#1 RSA or SEC1 EC), or null when it is none. */
export function readDerKey(der: Uint8Array): FoundKey | null {
  try {
    return plainPkcs8(der);
  } catch {
    for (const type of ['pkcs1', 'sec1'] as const) {
      try {
        return describeKeyObject(
          createPrivateKey({ key: Buffer.from(der), format: 'der', type }),
          `DER ${type.toUpperCase()}`,
          false,
        );
      } catch {
        // not this type; try the next
      }
    }
  }
  return null;
}

const wrap64 = (b64: string) => (b64.match(/.{1,64}/g) ?? []).join('\n');

/** node:crypto's reading of an encrypted PKCS#8; 'bad-decrypt' when the password is wrong. */
function nodeDecrypt(block: PemBlock, password: string): FoundKey | 'bad-decrypt' | null {
  try {
    const pem = `-----BEGIN ${block.label}-----\n${wrap64(Buffer.from(block.der).toString('base64'))}\n-----END ${block.label}-----\n`;
    return describeKeyObject(
      createPrivateKey({ key: pem, format: 'pem', passphrase: password }),
      block.label,
      true,
    );
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_OSSL_BAD_DECRYPT' ? 'bad-decrypt' : null;
  }
}
