/**
 * A PKCS#12/PFX file as a lab credential. node:tls opens the file itself for the handshake; the
 * certificate engine reads the certificates inside for the explanation, and for a PFX without a
 * private key, whose certificate is then presented without one (a lab scenario, not an error).
 */
import { X509Certificate } from 'node:crypto';
import { certificateDers, inspectBytes } from '../pki/index.js';
import { LabError, WRONG_PASSWORD_HINT } from './errors.js';
import { checkCredentials } from './loopback.js';
import type { LoadedCredential } from './material.js';

/** The certificates of a PFX (DER), the end-entity ones first; [] when the engine cannot read it. */
async function pfxCertificates(bytes: Buffer, path: string, password: string): Promise<Buffer[]> {
  const report = await inspectBytes(new Uint8Array(bytes), { path, now: new Date(), password });
  const ders = certificateDers(report).map((d) => Buffer.from(d));
  const isCa = (d: Buffer) => {
    try {
      return new X509Certificate(d).ca;
    } catch {
      return true;
    }
  };
  return [...ders.filter((d) => !isCa(d)), ...ders.filter(isCa)];
}

/** Loads a PFX for a handshake; LabError when it cannot be used. */
export async function loadPfxCredential(
  bytes: Buffer,
  path: string,
  password = '',
): Promise<LoadedCredential> {
  const tls = { pfx: bytes, passphrase: password };
  try {
    checkCredentials(tls);
    return {
      tls,
      format: 'PKCS#12',
      certificates: await pfxCertificates(bytes, path, password),
      hasKey: true,
    };
  } catch (err) {
    const msg = String((err as { message?: string }).message ?? err);
    if (/mac verify failure/i.test(msg))
      throw new LabError('wrong-password', `cannot open ${path}: ${WRONG_PASSWORD_HINT}`);
    if (/Unsupported PKCS12/i.test(msg))
      throw new LabError(
        'legacy-pfx',
        `cannot use ${path} for a handshake: it uses legacy PFX encryption (RC2) that OpenSSL 3 opens only with its legacy provider; re-export it with modern encryption, or give --present CERT.pem --key KEY.pem`,
      );
    if (/Unable to load private key/i.test(msg)) {
      const certs = await pfxCertificates(bytes, path, password);
      const leaf = certs[0];
      if (!leaf)
        throw new LabError(
          'no-certificate',
          `cannot use ${path}: it holds no private key, and no certificate could be read from it`,
        );
      return {
        tls: { cert: Buffer.from(new X509Certificate(leaf).toString()) },
        format: 'PKCS#12',
        certificates: [leaf],
        hasKey: false,
      };
    }
    if (/not enough data|header too long|asn1|wrong tag/i.test(msg))
      throw new LabError('bad-file', `cannot use ${path}: not a PEM/DER certificate or a PFX file`);
    throw new LabError('bad-file', `cannot use ${path}: ${msg.split('\n')[0]}`);
  }
}
