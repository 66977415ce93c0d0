import { X509Certificate } from 'node:crypto';
import { bytesEqual, childrenOf, content, readTlv } from '../der.js';
import type { PrivateKeyReport } from '../types.js';
import type { FoundKey } from './key-info.js';

/** Public keys of reports made by this module, kept out of the serialisable report itself. */
const publicKeys = new WeakMap<PrivateKeyReport, Uint8Array>();

/** Remembers a found key's public key so that its report can be matched to certificates later. */
export function rememberPublicKey(key: FoundKey): PrivateKeyReport {
  if (key.publicKeyDer) publicKeys.set(key.report, key.publicKeyDer);
  return key.report;
}

const DSA_OID_CONTENT = Buffer.from('2a8648ce380401', 'hex');

/** A DSA SubjectPublicKeyInfo without parameters: its public value (the BIT STRING content). */
function dsaWithoutParams(spki: Uint8Array): Uint8Array | null {
  try {
    const [alg, key] = childrenOf(spki, readTlv(spki, 0));
    if (!alg || !key) return null;
    const [oid, params] = childrenOf(spki, alg);
    if (!oid || params || !bytesEqual(content(spki, oid), DSA_OID_CONTENT)) return null;
    return content(spki, key);
  } catch {
    return null;
  }
}

/** The public value of a DSA SubjectPublicKeyInfo (with parameters), or null. */
function dsaPublicValue(spki: Uint8Array): Uint8Array | null {
  try {
    const [alg, key] = childrenOf(spki, readTlv(spki, 0));
    const [oid] = alg ? childrenOf(spki, alg) : [];
    return oid && key && bytesEqual(content(spki, oid), DSA_OID_CONTENT) ? content(spki, key) : null;
  } catch {
    return null;
  }
}

/**
 * How a certificate's public key is compared: its SubjectPublicKeyInfo, or, for a DSA key whose
 * parameters are inherited from the issuer (RFC 3279 §2.3.2: absent from the certificate), its
 * public value alone (node cannot load such a key).
 */
type CertKey = { spki: Buffer } | { dsaValue: Uint8Array } | null;

function certificatePublicKey(der: Uint8Array): CertKey {
  try {
    return { spki: new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }) };
  } catch {
    try {
      const raw = new X509Certificate(der).raw;
      const spki = subjectPublicKeyInfo(new Uint8Array(raw));
      const value = spki && dsaWithoutParams(spki);
      return value ? { dsaValue: value } : null;
    } catch {
      return null;
    }
  }
}

/** The SubjectPublicKeyInfo TLV of a certificate (tbsCertificate field 7, or 6 without version). */
function subjectPublicKeyInfo(der: Uint8Array): Uint8Array | null {
  const [tbs] = childrenOf(der, readTlv(der, 0));
  if (!tbs) return null;
  const fields = childrenOf(der, tbs);
  const at = fields[0]?.cls === 2 ? 6 : 5;
  const t = fields[at];
  return t ? der.subarray(t.start, t.end) : null;
}

function keyMatches(cert: CertKey, pub: Uint8Array): boolean {
  if (!cert) return false;
  if ('spki' in cert) return cert.spki.equals(pub);
  const value = dsaPublicValue(pub);
  return value !== null && bytesEqual(value, cert.dsaValue);
}

/**
 * Which certificate each key belongs to: the index in `certificates` (DER) whose public key equals
 * the key's, or undefined. `keys` are reports returned by this module (found keys or FileReport
 * privateKeys); for a key still encrypted without its password the answer is undefined. The
 * inspect command calls it with every certificate given in the same command.
 */
export function matchKeyToCertificates(
  keys: readonly (PrivateKeyReport | FoundKey)[],
  certificates: readonly Uint8Array[],
): (number | undefined)[] {
  const spkis = certificates.map(certificatePublicKey);
  return keys.map((k) => {
    const pub = 'report' in k ? k.publicKeyDer : publicKeys.get(k);
    if (!pub) return undefined;
    const i = spkis.findIndex((s) => keyMatches(s, pub));
    return i === -1 ? undefined : i;
  });
}
