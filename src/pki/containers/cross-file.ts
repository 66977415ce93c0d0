import type { FileReport } from '../types.js';
import { matchKeyToCertificates } from './key-match.js';

/**
 * For `inspect KEY CERT...`: adds to each key file's notes which certificate of another file the
 * key belongs to ("key 1 belongs to certificate 1 of leaf/client.pem (same public key)").
 * `dersOf` gives a report's certificate DERs (the engine's certificateDers). Reports are changed
 * in place; keys already matched inside their own file are left alone.
 */
export function noteKeyMatchesAcrossFiles(
  reports: FileReport[],
  dersOf: (r: FileReport) => Uint8Array[],
): void {
  if (reports.length < 2) return;
  for (const keyFile of reports) {
    keyFile.privateKeys.forEach((key, k) => {
      if (key.matchesCertificate !== undefined) return;
      for (const other of reports) {
        if (other === keyFile) continue;
        const i = matchKeyToCertificates([key], dersOf(other))[0];
        if (i !== undefined)
          keyFile.notes.push(
            `key ${k + 1} belongs to certificate ${i + 1} of ${other.path} (same public key)`,
          );
      }
    });
  }
}
