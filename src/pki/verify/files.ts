import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PkiError } from '../errors.js';
import { fsError, MAX_FILE_BYTES, tooLarge } from '../file-limits.js';
import { loadBytes } from '../load.js';

/** The DER certificates in a file (PEM, DER or PKCS#7), in file order; throws PkiError with one line. */
export async function readCertificates(path: string): Promise<Uint8Array[]> {
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new PkiError('is-directory', 'is a folder, not a file');
    if (st.size > MAX_FILE_BYTES) throw tooLarge(st.size);
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw e instanceof PkiError ? e : fsError(e);
  }
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(null);
  const loaded = await loadBytes(bytes);
  if (loaded.certificates.length === 0)
    throw loaded.error ?? new PkiError('no-certificate', 'holds no certificate');
  return loaded.certificates;
}

/** Where Debian keeps the system's trusted roots: the bundle, else the Mozilla folder. */
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const MOZILLA_DIR = '/usr/share/ca-certificates/mozilla';

/**
 * The system trust store: Debian's bundle, else its Mozilla roots, else the roots built into Node
 * (tls.rootCertificates). Returns the certificates and where they came from.
 */
export async function systemRoots(): Promise<{ certs: Uint8Array[]; from: string }> {
  try {
    if (statSync(SYSTEM_BUNDLE).isFile())
      return { certs: await readCertificates(SYSTEM_BUNDLE), from: SYSTEM_BUNDLE };
  } catch {
    // no bundle: try the folder
  }
  try {
    const files = readdirSync(MOZILLA_DIR).filter((f) => f.endsWith('.crt'));
    if (files.length) {
      const certs = (await Promise.all(files.map((f) => readCertificates(join(MOZILLA_DIR, f))))).flat();
      return { certs, from: MOZILLA_DIR };
    }
  } catch {
    // no folder: use Node's roots
  }
  const { rootCertificates } = await import('node:tls');
  const certs = (
    await Promise.all(rootCertificates.map((p) => loadBytes(new Uint8Array(Buffer.from(p, 'latin1')))))
  ).flatMap((l) => l.certificates);
  return { certs, from: "Node's built-in roots" };
}
