/**
 * Reads the files a lab presents (PEM certificate + key, DER, or PKCS#12/PFX) into what node:tls
 * takes, and describes the certificate for the explanation. Errors are LabError: one line saying
 * what to do, never a stack trace, never key material.
 */
import { X509Certificate } from 'node:crypto';
import { describeCertificate, ekuName, readFileCapped, scanPem } from '../pki/index.js';
import { LabError, WRONG_PASSWORD_HINT } from './errors.js';
import { dnLine } from './fixture-files.js';
import { checkCredentials, type TlsCredentials } from './loopback.js';
import { loadPfxCredential } from './pfx-credential.js';
import type { LabCertificate } from './types.js';

/** Key material ready for node:tls, plus the certificates found (DER, leaf first). */
export interface LoadedCredential {
  tls: TlsCredentials;
  format: 'PEM' | 'DER' | 'PKCS#12';
  certificates: Buffer[];
  hasKey: boolean;
}

function readOrFail(path: string, what: string): Buffer {
  // Capped and regular files only: `--present /dev/zero` once grew to 11.5 GB.
  try {
    return readFileCapped(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'not-found')
      throw new LabError('not-found', `cannot read ${path}: no such file (check the ${what} path)`);
    if (code === 'is-directory')
      throw new LabError('unreadable', `cannot read ${path}: it is a folder, give a ${what} file`);
    throw new LabError('unreadable', `cannot read ${path}: ${(err as Error).message}`);
  }
}

/** PEM blocks of a text: label and base64-decoded body. */
function pemBlocks(text: string): { label: string; der: Buffer; pem: string }[] {
  return scanPem(text).map((b) => ({
    label: b.label,
    der: Buffer.from(text.slice(b.bodyStart, b.bodyEnd).replace(/\s+/g, ''), 'base64'),
    pem: text.slice(b.offset, b.end),
  }));
}

/** Turns node:tls/OpenSSL's complaint about a credential into one line a user can act on. */
function credentialProblem(err: unknown, certPath: string, keyPath?: string): LabError {
  const msg = String((err as { message?: string }).message ?? err);
  if (/mac verify failure|bad decrypt|wrong password|unable to load|decrypt/i.test(msg))
    return new LabError('wrong-password', `cannot open ${keyPath ?? certPath}: ${WRONG_PASSWORD_HINT}`);
  if (/key values mismatch/i.test(msg))
    return new LabError(
      'key-mismatch',
      `the private key in ${keyPath ?? certPath} does not belong to the certificate in ${certPath} (their public keys differ)`,
    );
  if (/bad base64|no start line|unsupported|asn1|header too long|not enough data/i.test(msg))
    return new LabError('bad-file', `cannot use ${certPath}: not a PEM/DER certificate or a PFX file`);
  return new LabError('bad-file', `cannot use ${certPath}: ${msg.split('\n')[0]}`);
}

/**
 * Loads a certificate to present, with its private key when there is one: PEM (key in the same
 * file or in `keyPath`), DER, or PKCS#12 (`password`). A certificate without a key is returned as
 * such (hasKey false): presenting it is a lab scenario, not an error.
 */
export async function loadCredential(
  certPath: string,
  opts: { keyPath?: string; password?: string } = {},
): Promise<LoadedCredential> {
  const bytes = readOrFail(certPath, 'certificate');
  const keyBytes = opts.keyPath ? readOrFail(opts.keyPath, 'key') : undefined;
  const text = bytes.toString('latin1');
  let loaded: LoadedCredential;
  if (text.includes('-----BEGIN ')) {
    const blocks = pemBlocks(text);
    const certs = blocks.filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE');
    if (certs.length === 0)
      throw new LabError('no-certificate', `no certificate in ${certPath} (expected a CERTIFICATE block)`);
    const keyBlock = keyBytes
      ? pemBlocks(keyBytes.toString('latin1')).find((b) => b.label.endsWith('PRIVATE KEY'))
      : blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
    if (keyBytes && !keyBlock)
      throw new LabError('no-key', `no private key in ${opts.keyPath} (expected a PEM PRIVATE KEY block)`);
    loaded = {
      tls: {
        cert: Buffer.from(certs.map((c) => c.pem).join('\n')),
        ...(keyBlock ? { key: Buffer.from(keyBlock.pem), passphrase: opts.password } : {}),
      },
      format: 'PEM',
      certificates: certs.map((c) => c.der),
      hasKey: keyBlock !== undefined,
    };
  } else if (isDerCertificate(bytes)) {
    const pem = new X509Certificate(bytes).toString();
    const keyBlock = keyBytes
      ? pemBlocks(keyBytes.toString('latin1')).find((b) => b.label.endsWith('PRIVATE KEY'))
      : undefined;
    loaded = {
      tls: {
        cert: Buffer.from(pem),
        ...(keyBlock ? { key: Buffer.from(keyBlock.pem), passphrase: opts.password } : {}),
      },
      format: 'DER',
      certificates: [bytes],
      hasKey: keyBlock !== undefined,
    };
  } else {
    return loadPfxCredential(bytes, certPath, opts.password);
  }
  try {
    checkCredentials(loaded.tls);
  } catch (err) {
    throw credentialProblem(err, certPath, opts.keyPath);
  }
  return loaded;
}

function isDerCertificate(bytes: Buffer): boolean {
  try {
    new X509Certificate(bytes);
    return bytes[0] === 0x30;
  } catch {
    return false;
  }
}

/** Reads PEM or DER CA certificates to trust; fails with a LabError when there is none. */
export function loadTrust(path: string): Buffer[] {
  const bytes = readOrFail(path, 'CA');
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const certs = pemBlocks(text).filter((b) => b.label === 'CERTIFICATE');
    if (certs.length === 0)
      throw new LabError('no-certificate', `no certificate in ${path} (expected a CA certificate in PEM)`);
    return certs.map((c) => Buffer.from(c.pem));
  }
  if (isDerCertificate(bytes)) return [Buffer.from(new X509Certificate(bytes).toString())];
  throw new LabError('bad-file', `cannot use ${path} as a CA: not a PEM or DER certificate`);
}

/**
 * The facts a lab explanation uses, read by node:crypto (OpenSSL), plus the certificate engine's
 * full report when it can describe the certificate.
 */
export async function describeForLab(der: Buffer, source: string, now: Date): Promise<LabCertificate> {
  const x = new X509Certificate(der);
  const san = (x.subjectAltName ?? '').split(/,\s*/).filter(Boolean);
  const cn = x.subject.split('\n').find((l) => l.startsWith('CN='));
  let report: LabCertificate['report'];
  try {
    report = await describeCertificate(new Uint8Array(der), now);
  } catch {
    report = undefined;
  }
  const ekuOids = x.keyUsage as string[] | undefined;
  return {
    source,
    subject: dnLine(x.subject),
    issuer: dnLine(x.issuer),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    extendedKeyUsage: ekuOids ? ekuOids.map((o) => ekuName(o) ?? o) : null,
    dnsNames: san.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4)),
    ipAddresses: san.filter((s) => s.startsWith('IP Address:')).map((s) => s.slice(11)),
    ...(cn ? { commonName: cn.slice(3) } : {}),
    // Not checkIssued(): OpenSSL's issuer check also wants keyCertSign, which a self-signed leaf lacks.
    selfSigned: x.subject === x.issuer && x.verify(x.publicKey),
    ...(report ? { report } : {}),
  };
}
