import { extname } from 'node:path';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { PRIVATE_KEY_LABELS } from '../pem.js';
import { parseAs } from './asn1-schema.js';
import { readCsr } from './csr-read.js';
import { readDerKey, readPemKey } from './key-file.js';
import { isPem, pemBlocks } from './pem.js';
import { looksLikePkcs7, readPkcs7 } from './pkcs7-read.js';
import { withDerivationBudget } from './pkcs12-kdf.js';
import { readPkcs12 } from './pkcs12-read.js';
import { looksLikePkcs12 } from './pkcs12-structure.js';
import { type ContainerReading, emptyReading } from './reading.js';

/** How to read a container. */
export interface ReadOptions {
  path: string;
  password?: string;
}

const PFX_EXT = new Set(['.pfx', '.p12']);
const P7_EXT = new Set(['.p7b', '.p7c', '.p7s']);

/**
 * Reads a container or key file by its content (the extension only decides which error a file of
 * the wrong content gets). Returns null for a plain certificate file: the engine reads those.
 */
export async function readContainerBytes(
  bytes: Uint8Array,
  opts: ReadOptions,
): Promise<ContainerReading | null> {
  const ext = extname(opts.path).toLowerCase();
  if (isPem(bytes)) {
    const blocks = pemBlocks(bytes);
    const labels = blocks.map((b) => b.label);
    if (labels.some((l) => l === 'PKCS7' || l === 'CMS')) return readPkcs7(bytes, true);
    if (labels.some((l) => /CERTIFICATE REQUEST$/.test(l))) return readCsr(bytes, true);
    const keyBlocks = blocks.filter((b) => PRIVATE_KEY_LABELS.includes(b.label));
    if (!keyBlocks.length) return null;
    const reading = emptyReading(labels.includes('CERTIFICATE') ? 'PEM' : 'private key');
    for (const b of blocks) if (b.label === 'CERTIFICATE') reading.certificates.push({ der: b.der });
    // One derivation budget for every key of the file (pkcs12-kdf.ts); past it, the rest is not tried.
    withDerivationBudget(() => {
      for (const b of keyBlocks) {
        readPemKey(b, opts.password, reading);
        if (reading.error?.code === 'derivation-work-too-high') break;
      }
    });
    return reading;
  }
  if (looksLikePkcs12(bytes) || PFX_EXT.has(ext)) return readPkcs12(bytes, opts.password);
  if (looksLikePkcs7(bytes) || P7_EXT.has(ext)) return readPkcs7(bytes, false);
  if (isCsr(bytes) || ext === '.csr' || ext === '.req') return readCsr(bytes, false);
  const key = bytes[0] === 0x30 ? readDerKey(bytes) : null;
  if (key) {
    const reading = emptyReading('private key');
    reading.keys.push(key);
    return reading;
  }
  if (ext === '.key') {
    const reading = emptyReading('private key');
    reading.error = {
      code: 'corrupt',
      message: 'not a private key this reader knows (PEM or DER PKCS#8, PKCS#1, SEC1)',
    };
    return reading;
  }
  return null;
}

function isCsr(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  try {
    parseAs(bytes, CertificationRequest, 'CSR');
    return true;
  } catch {
    return false;
  }
}
