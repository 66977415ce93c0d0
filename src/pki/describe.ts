import { PkiError } from './errors.js';
import type { CertificateReport } from './types.js';

/** Describes one DER certificate at `now`. Throws PkiError('bad-certificate') for undecodable DER. */
export async function describeCertificate(
  _der: Uint8Array,
  _now: Date,
  _index = 0,
): Promise<CertificateReport> {
  throw new PkiError('unsupported', 'not implemented yet');
}
