/**
 * A CRL file as inspect reports it: the CRL's facts (src/pki/crl.ts) judged at a time, and the
 * certificates of the other files inspected with it that it revokes.
 */
import { crlSignatureName, crlStatus, parseCrl } from './crl.js';
import { PkiError } from './errors.js';
import { pemBlocks } from './pem.js';
import type { FileReport } from './types.js';

/** The DER of the CRL in `bytes` (a PEM "X509 CRL" block, or DER that is a CRL), or null. */
export function crlDer(bytes: Uint8Array): Uint8Array | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (head.includes('-----BEGIN')) {
    const text = Buffer.from(bytes).toString('latin1');
    if (!text.includes('-----BEGIN X509 CRL-----')) return null;
    return pemBlocks(text).find((b) => b.label === 'X509 CRL')?.der ?? null;
  }
  if (bytes[0] !== 0x30) return null;
  try {
    parseCrl(bytes);
    return bytes;
  } catch {
    return null;
  }
}

/** The report of a CRL file at `now`; a damaged CRL is a report with its one-line error. */
export function crlFileReport(der: Uint8Array, path: string, format: 'PEM' | 'DER', now: Date): FileReport {
  const base: FileReport = {
    path,
    format: 'CRL',
    error: null,
    certificates: [],
    chains: [],
    hasPrivateKey: false,
    privateKeys: [],
    notes: [`a certificate revocation list (${format}), RFC 5280 §5`],
    lesson: 'revocation-and-transparency',
  };
  try {
    const crl = parseCrl(der);
    base.crl = {
      issuer: crl.issuer.text,
      version: crl.version,
      signatureAlgorithm: crlSignatureName(crl),
      thisUpdate: crl.thisUpdate,
      nextUpdate: crl.nextUpdate,
      status: crlStatus(crl, now),
      at: now.toISOString(),
      ...(crl.crlNumber !== undefined ? { crlNumber: crl.crlNumber } : {}),
      ...(crl.authorityKeyId !== undefined ? { authorityKeyId: crl.authorityKeyId } : {}),
      extensions: crl.extensions,
      entries: crl.entries,
    };
    return base;
  } catch (e) {
    if (!(e instanceof PkiError)) throw e;
    return { ...base, error: e.message, errorCode: e.code };
  }
}

/** Marks, on each CRL report, the certificates of the other reports it lists (same issuer, serial). */
export function noteRevokedAcrossFiles(reports: FileReport[]): void {
  for (const r of reports) {
    if (!r.crl) continue;
    const crl = r.crl;
    const onIt: NonNullable<typeof crl.revokedHere> = [];
    for (const other of reports)
      for (const c of other.certificates) {
        const hit = crl.entries.find((e) => e.serial === c.serialNumber);
        if (hit && c.issuer.text === crl.issuer)
          onIt.push({
            file: other.path,
            index: c.index,
            subject: c.subject.text,
            ...(hit.reason ? { reason: hit.reason } : {}),
          });
      }
    crl.revokedHere = onIt;
  }
}
