import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { type ParsedCert, parsedCertificate } from './cert-parse.js';
import { buildChains, checkChainSignatures } from './chain.js';
import { crlDer, crlFileReport } from './crl-report.js';
import { describeParsed } from './describe.js';
import { PkiError } from './errors.js';
import { fsError, MAX_FILE_BYTES, tooLarge } from './file-limits.js';
import { loadBytes } from './load.js';
import { checkSignedBy } from './signature.js';
import type { CertificateReport, FileReport } from './types.js';

/** Options for inspecting a file. */
export interface InspectOptions {
  now: Date;
  password?: string;
}

const DER_OF = new WeakMap<FileReport, Uint8Array[]>();

/**
 * The DER bytes of a report's certificates (same order as `report.certificates`), for chaining
 * certificates across several files with buildChains. Empty for reports not made by this module.
 */
export function certificateDers(report: FileReport): Uint8Array[] {
  return DER_OF.get(report) ?? [];
}

/** A FileReport for a file that could not be read at all. */
export function errorReport(path: string, e: PkiError): FileReport {
  return {
    path,
    format: 'unknown',
    error: e.message,
    errorCode: e.code,
    certificates: [],
    chains: [],
    hasPrivateKey: false,
    privateKeys: [],
    notes: [],
  };
}

/**
 * Reads and describes every certificate in a file; never throws for bad input. The size is checked
 * with stat before anything is read, so a huge file is refused at once with bounded memory.
 */
export async function inspectFile(path: string, opts: InspectOptions): Promise<FileReport> {
  let bytes: Uint8Array | 'too-large';
  try {
    const st = statSync(path);
    if (st.isDirectory()) return errorReport(path, new PkiError('is-directory', 'is a folder, not a file'));
    if (st.size > MAX_FILE_BYTES) return errorReport(path, tooLarge(st.size));
    bytes = await (st.isFile() ? readRegularFile(path, st.size) : readStream(path, st.size));
  } catch (e) {
    return errorReport(path, fsError(e));
  }
  if (bytes === 'too-large') return errorReport(path, tooLarge(null));
  return inspectBytes(bytes, { ...opts, path });
}

/** How much to read next: the stat size (0 for pipes) or 64 KiB, never past the limit + 1. */
const nextRead = (size: number, total: number) => Math.min(Math.max(size, 65536), MAX_FILE_BYTES + 1 - total);

/** Reads with `read` until end of file, never more than the limit; `read` returns the bytes it put in `buf`. */
async function readAll(
  size: number,
  read: (buf: Buffer) => number | Promise<number>,
): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.alloc(nextRead(size, total));
    const bytesRead = await read(buf);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > MAX_FILE_BYTES) return 'too-large';
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * A regular file, read with synchronous calls: a certificate file is kilobytes, and the five
 * thread-pool round trips of an asynchronous open/read/read/close cost more than the reading.
 */
async function readRegularFile(path: string, size: number): Promise<Uint8Array | 'too-large'> {
  const fd = openSync(path, 'r');
  try {
    return await readAll(size, (buf) => readSync(fd, buf, 0, buf.length, null));
  } finally {
    closeSync(fd);
  }
}

/**
 * A pipe or device such as `inspect <(cat cert.pem)`, read asynchronously until end of file,
 * never more than the limit (its stat size is 0, so it only sizes the first read).
 */
async function readStream(path: string, size: number): Promise<Uint8Array | 'too-large'> {
  const fh = await open(path, 'r');
  try {
    return await readAll(size, async (buf) => (await fh.read(buf, 0, buf.length, null)).bytesRead);
  } finally {
    await fh.close();
  }
}

/** The parsed certificate, or the PkiError that says why it is not one (other errors are thrown). */
function parseOrError(der: Uint8Array): ParsedCert | PkiError {
  try {
    return parsedCertificate(der);
  } catch (e) {
    if (e instanceof PkiError) return e;
    throw e;
  }
}

/** Describes every certificate in bytes already read (e.g. stdin); never throws for bad input. */
export async function inspectBytes(
  bytes: Uint8Array,
  opts: InspectOptions & { path: string },
): Promise<FileReport> {
  if (bytes.length > MAX_FILE_BYTES) return errorReport(opts.path, tooLarge(null));
  // A certificate revocation list is described as one (src/pki/crl-report.ts).
  const crl = crlDer(bytes);
  if (crl) return crlFileReport(crl, opts.path, crl === bytes ? 'DER' : 'PEM', opts.now);
  try {
    const loaded = await loadBytes(bytes, opts.password);
    // Parse everything first, then start the signature checks in the thread pool, so they run
    // while the certificates are described; each description waits only for its own certificate's
    // check. (Starting each check as soon as its certificate is parsed was slower: on two cores the
    // pool threads then take the CPU from the parsing, which is the longer path.)
    const parsed = loaded.certificates.map(parseOrError);
    const cs = parsed.filter((p): p is ParsedCert => !(p instanceof PkiError));
    const selfChecks = new Map(
      cs.filter((c) => c.subject.canonical === c.issuer.canonical).map((c) => [c, checkSignedBy(c, c)]),
    );
    const chainChecks = checkChainSignatures(cs);
    const certificates: CertificateReport[] = [];
    const good: Uint8Array[] = [];
    let error = loaded.error;
    for (const [i, p] of parsed.entries()) {
      try {
        if (p instanceof PkiError) throw p;
        await selfChecks.get(p);
        certificates.push(describeParsed(p, opts.now, certificates.length));
        good.push(loaded.certificates[i]!);
      } catch (e) {
        if (!(e instanceof PkiError)) throw e;
        error ??= new PkiError(e.code, `certificate ${certificates.length + 1}: ${e.message}`);
      }
    }
    await chainChecks;
    const chainReports = await buildChains(good, opts.now);
    // A key and its certificate in one file (PEM bundle, PFX): say which certificate it belongs to.
    if (loaded.privateKeys.length > 0) {
      const { matchKeyToCertificates } = await import('./containers/index.js');
      matchKeyToCertificates(loaded.privateKeys, good).forEach((m, i) => {
        const key = loaded.privateKeys[i];
        if (key && m !== undefined) key.matchesCertificate = m;
      });
    }
    const report: FileReport = {
      path: opts.path,
      format: loaded.format,
      error: error?.message ?? null,
      ...(error ? { errorCode: error.code } : {}),
      certificates,
      chains: chainReports.map((c) => c.order),
      chainReports,
      hasPrivateKey: loaded.hasPrivateKey,
      privateKeys: loaded.privateKeys,
      notes: loaded.notes,
      ...(loaded.lesson ? { lesson: loaded.lesson } : {}),
    };
    DER_OF.set(report, good);
    return report;
  } catch (e) {
    if (e instanceof PkiError) return errorReport(opts.path, e);
    return errorReport(
      opts.path,
      new PkiError('internal', `could not be read (${(e as Error).message.split('\n')[0]})`),
    );
  }
}

export { fsError, MAX_FILE_BYTES, tooLarge };
