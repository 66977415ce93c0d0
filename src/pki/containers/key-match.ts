import { X509Certificate } from 'node:crypto';
import type { PrivateKeyReport } from '../types.js';
import type { FoundKey } from './key-info.js';

/** Public keys of reports made by this module, kept out of the serialisable report itself. */
const publicKeys = new WeakMap<PrivateKeyReport, Uint8Array>();

/** Remembers a found key's public key so that its report can be matched to certificates later. */
export function rememberPublicKey(key: FoundKey): PrivateKeyReport {
  if (key.publicKeyDer) publicKeys.set(key.report, key.publicKeyDer);
  return key.report;
}

function certificatePublicKey(der: Uint8Array): Buffer | null {
  try {
    return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
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
    const i = spkis.findIndex((s) => s?.equals(pub));
    return i === -1 ? undefined : i;
  });
}
