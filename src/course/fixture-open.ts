import { stat } from 'node:fs/promises';
import type { FileReport } from '../pki/types.js';
import type { ResolvedRef } from './fixture-ref.js';

/** Reads a fixture through the certificate engine (cached by the caller). */
export type InspectFixture = (path: string, password: string | undefined) => Promise<FileReport>;

/**
 * Makes a cached reader of fixtures judged at `now`: each file is read once per password, however
 * many pages and items show it. The engine is imported on first use, so loading a pack that shows
 * no certificate never pays for it.
 */
export function fixtureReader(now: Date): InspectFixture {
  const cache = new Map<string, Promise<FileReport>>();
  return (path, password) => {
    const key = `${path}\0${password ?? ''}`;
    let report = cache.get(key);
    if (!report) {
      report = import('../pki/index.js').then(({ inspectFile }) =>
        inspectFile(path, { now, ...(password !== undefined ? { password } : {}) }),
      );
      cache.set(key, report);
    }
    return report;
  };
}

/**
 * Opens a referenced fixture: the engine's report, or a one-line error saying what to do when the
 * file is missing, does not parse, or lacks the certificate `#N` names (`needsCertificate`).
 */
export async function openFixture(
  ref: ResolvedRef,
  password: string | undefined,
  inspect: InspectFixture,
  needsCertificate: boolean,
): Promise<{ report: FileReport } | { error: string }> {
  const isFile = await stat(ref.path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return { error: `fixture '${ref.ref}' does not exist; check the path or add the file` };
  let report: FileReport;
  try {
    report = await inspect(ref.path, password);
  } catch (err) {
    return { error: `fixture '${ref.ref}' could not be read (${(err as Error).message}); replace the file` };
  }
  // A key-only file may come with a note that it holds no certificate: it still answers
  // hasPrivateKey. A file the engine understood nothing of does not parse.
  const understood = report.certificates.length > 0 || report.privateKeys.length > 0;
  if (report.error && !understood) {
    const todo =
      report.errorCode?.includes('password') || /password/i.test(report.error)
        ? 'give its password with password:'
        : 'replace the file or fix the reference';
    return { error: `fixture '${ref.ref}' does not parse: ${report.error}; ${todo}` };
  }
  // A CRL is shown as what it lists (present-question.ts fileEvidence), not as a certificate.
  if (needsCertificate && !report.crl && !report.certificates[ref.index]) {
    const n = report.certificates.length;
    return {
      error:
        n === 0
          ? `fixture '${ref.ref}' holds no certificate; show a certificate file`
          : `fixture '${ref.ref}' has no certificate #${ref.index} (it holds ${n === 1 ? 'one, #0' : `${n}, #0 to #${n - 1}`}); fix the #N`,
    };
  }
  return { report };
}
