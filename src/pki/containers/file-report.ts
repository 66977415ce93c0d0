import { buildChains } from '../chain.js';
import { describeCertificate } from '../describe.js';
import type { CertificateReport, FileReport } from '../types.js';
import { matchKeyToCertificates, rememberPublicKey } from './key-match.js';
import { keyNotes } from './key-notes.js';
import { type ReadOptions, readContainerBytes } from './read-container.js';
import type { ContainerReading } from './reading.js';

/**
 * Turns a container reading into the engine's FileReport: certificates described at `now` and
 * ordered into chains, keys matched to them by public key, and the PKCS#12 bag attributes of each
 * certificate added as notes.
 */
export async function toFileReport(reading: ContainerReading, path: string, now: Date): Promise<FileReport> {
  const certificates: CertificateReport[] = [];
  const notes = [...reading.notes];
  for (const [i, c] of reading.certificates.entries()) {
    try {
      certificates.push(await describeCertificate(c.der, now, i));
    } catch {
      notes.push(`certificate ${i + 1} could not be decoded`);
    }
    const attrs = [
      c.friendlyName && `friendlyName "${c.friendlyName}"`,
      c.localKeyId && `localKeyID ${c.localKeyId}`,
    ].filter(Boolean);
    if (attrs.length) notes.push(`certificate ${i + 1}: ${attrs.join(', ')}`);
  }
  const ders = reading.certificates.map((c) => c.der);
  const matches = matchKeyToCertificates(reading.keys, ders);
  const privateKeys = reading.keys.map((k, i) => {
    const report = rememberPublicKey(k);
    const m = matches[i];
    if (m !== undefined) report.matchesCertificate = m;
    return report;
  });
  notes.push(...keyNotes(privateKeys, reading.certificates.length, reading.format === 'PKCS#12'));
  let chains: number[][] = [];
  try {
    chains = ders.length ? (await buildChains(ders, now)).map((c) => c.order) : [];
  } catch {
    notes.push('the certificates could not be ordered into chains');
  }
  return {
    path,
    format: reading.format,
    error: reading.error?.message ?? null,
    ...(reading.error && { errorCode: reading.error.code }),
    certificates,
    chains,
    hasPrivateKey: privateKeys.length > 0,
    privateKeys,
    notes,
    lesson: reading.lesson,
  };
}

/**
 * The engine's dispatch point: a FileReport for a PKCS#12, PKCS#7, key or CSR file, or null when
 * the bytes are a plain certificate file. Never throws for bad input.
 */
export async function inspectContainer(
  bytes: Uint8Array,
  opts: ReadOptions & { now: Date },
): Promise<FileReport | null> {
  const reading = await readContainerBytes(bytes, opts);
  return reading ? toFileReport(reading, opts.path, opts.now) : null;
}
