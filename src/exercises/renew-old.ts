/**
 * The `renew` exercise's starting files, made for each learner at init time so that old.crt
 * "expires soon" when the learner does the task: old.key (EC P-256, PKCS#8) and old.crt, a
 * server certificate issued 170 days before `now` by a CA whose key is thrown away at once,
 * expiring 10 days after `now`.
 */
import '../pki/x509-setup.js';
import { webcrypto } from 'node:crypto';
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  SubjectAlternativeNameExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';

const DAY = 86_400_000;
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** old.crt and old.key for the renew exercise, as PEM texts. */
export async function makeRenewOld(now: Date): Promise<{ crt: string; key: string }> {
  const subtle = webcrypto.subtle;
  const ca = (await subtle.generateKey(ALG, false, ['sign', 'verify'])) as CryptoKeyPair;
  const keys = (await subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const serial = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)));
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  const cert = await X509CertificateGenerator.create({
    serialNumber: serial.toString('hex'),
    issuer: 'CN=cert-tutor Previous Issuing CA, O=cert-tutor exercises',
    subject: 'CN=app.example.test, O=cert-tutor exercises',
    notBefore: new Date(now.getTime() - 170 * DAY),
    notAfter: new Date(now.getTime() + 10 * DAY),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.1']),
      new SubjectAlternativeNameExtension([{ type: 'dns', value: 'app.example.test' }]),
    ],
  });
  const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
  return { crt: `${cert.toString('pem')}\n`, key: `${PemConverter.encode(pkcs8, 'PRIVATE KEY')}\n` };
}
