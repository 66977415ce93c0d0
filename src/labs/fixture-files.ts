/** Reading the teaching fixtures a lab uses (paths relative to fixtures/). */
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { fixturesDir } from '../paths.js';
import { readFileCapped } from '../pki/file-limits.js';
import { LabError } from './errors.js';

/** Options every lab run takes. */
export interface LabOptions {
  /** The clock the explanation uses (the handshake itself runs on OpenSSL's clock, the real time). */
  now: Date;
  /** Where the teaching fixtures are (default: the package's fixtures/). */
  fixturesDir?: string;
  /** Upper bound for the whole handshake (default 10 s). */
  timeoutMs?: number;
}

/** The bytes of a fixture file, or a LabError naming it. */
export function readFixture(opts: LabOptions, rel: string): Buffer {
  const path = join(opts.fixturesDir ?? fixturesDir(), rel);
  try {
    return readFileCapped(path);
  } catch {
    throw new LabError('missing-fixture', `cannot read the lab fixture ${path} (is the package complete?)`);
  }
}

/** The absolute path of a fixture. */
export const fixturePath = (opts: LabOptions, rel: string) => join(opts.fixturesDir ?? fixturesDir(), rel);

/**
 * One line ("CN=www.example.test, O=cert-tutor") from Node's one-attribute-per-line form, in the
 * certificate's own order, as `openssl x509 -subject` prints it.
 */
export function dnLine(nodeDn: string): string {
  return nodeDn.split('\n').filter(Boolean).join(', ');
}

/** Subject of a PEM or DER certificate, as one line. */
export function subjectOf(cert: Buffer): string {
  return dnLine(new X509Certificate(cert).subject);
}
