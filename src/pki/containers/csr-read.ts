import '../x509-setup.js';
import { createPublicKey } from 'node:crypto';
import { ExtendedKeyUsageExtension, Pkcs10CertificateRequest } from '@peculiar/x509';
import { ekuEntry } from '../eku-names.js';
import { keyShape } from './key-info.js';
import { pemBlocks } from './pem.js';
import { type ContainerReading, emptyReading } from './reading.js';

const EXTENSION_NAMES: Record<string, string> = {
  '2.5.29.17': 'subjectAltName',
  '2.5.29.15': 'keyUsage',
  '2.5.29.37': 'extendedKeyUsage',
  '2.5.29.19': 'basicConstraints',
  '2.5.29.14': 'subjectKeyIdentifier',
  '1.3.6.1.5.5.7.1.24': 'TLS feature (OCSP must-staple)',
  '1.3.6.1.4.1.311.20.2': 'Microsoft certificate template name',
  '1.3.6.1.4.1.311.21.7': 'Microsoft certificate template',
};

/**
 * Reads a PKCS#10 certificate signing request (RFC 2986), PEM or DER: subject, requested
 * extensions, public key and whether its self-signature verifies. A CSR never holds a private key.
 */
export async function readCsr(bytes: Uint8Array, isPemText: boolean): Promise<ContainerReading> {
  const reading = emptyReading('CSR');
  const der = isPemText ? pemBlocks(bytes).find((b) => /CERTIFICATE REQUEST$/.test(b.label))?.der : bytes;
  let csr: Pkcs10CertificateRequest;
  try {
    if (!der) throw new Error('no CSR block');
    csr = new Pkcs10CertificateRequest(der as BufferSource);
  } catch {
    reading.error = { code: 'corrupt', message: 'damaged or not a valid certificate signing request (CSR)' };
    return reading;
  }
  const n = reading.notes;
  n.push(`subject: ${csr.subject || '(empty)'}`);
  const shape = keyShape(
    createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' }),
  );
  n.push(
    `public key: ${shape.algorithm}${shape.curve ? ` ${shape.curve}` : shape.size ? ` ${shape.size} bits` : ''}`,
  );
  const exts = csr.extensions.map(
    (e) => `${EXTENSION_NAMES[e.type] ?? e.type}${e.critical ? ' (critical)' : ''}`,
  );
  n.push(
    exts.length
      ? `requested extensions: ${exts.join(', ')}`
      : 'requested extensions: none (the CA decides them all)',
  );
  for (const e of csr.extensions) {
    if (e instanceof ExtendedKeyUsageExtension) {
      n.push(`  extendedKeyUsage: ${e.usages.map((u) => `${ekuEntry(String(u)).name} (${u})`).join(', ')}`);
      continue;
    }
    const text = e.toString('text').split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim();
    if (text) n.push(`  ${EXTENSION_NAMES[e.type] ?? e.type}: ${text}`);
  }
  let verified = false;
  try {
    verified = await csr.verify();
  } catch {
    verified = false;
  }
  n.push(
    verified
      ? 'signature: valid (made with the private key that belongs to this public key)'
      : 'signature: does NOT verify',
  );
  n.push(
    'a CSR holds no private key: it carries the public key, signed with the private key, which stays with whoever made the request',
  );
  return reading;
}
