/**
 * The learner's files, read with the certificate engine. Wherever a task names `NAME.crt` (PEM),
 * `NAME.cer` (DER) is taken in its place, and `NAME.pfx` with `password.txt` in place of
 * `NAME.crt` + its key, so every exercise can be done with Windows tools. Files only: nothing runs.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  certificateDers,
  type FileReport,
  inspectFile,
  type PrivateKeyReport,
  readFileCapped,
} from '../pki/index.js';

/** A certificate file, read: where it was found and what the engine says. */
export interface CertSource {
  /** The name as the learner sees it (server.crt, server.pfx, ../root-ca/ca.crt). */
  shown: string;
  path: string;
  report: FileReport;
  ders: Uint8Array[];
  /** The private keys that came in the same file (a PFX, or a PEM bundle). */
  keys: PrivateKeyReport[];
  /** The password used (a PFX), for a handshake that presents it. */
  password?: string;
}

/** Why a file could not be used, as one line naming it. */
export class MaterialError extends Error {
  override name = 'MaterialError';
}

/** The first line of password.txt in `folder`, or undefined when there is none. */
export function passwordIn(folder: string, file = 'password.txt'): string | undefined {
  const p = join(folder, file);
  if (!isFile(p)) return undefined;
  // The first line only: at most 4 KiB is read, whatever the file's size.
  const fd = openSync(p, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** The files that may stand for `name`: itself, the DER .cer of a .crt, the .pfx of a .crt. */
export function candidates(name: string): string[] {
  const m = /^(.*)\.crt$/.exec(name);
  return m ? [name, `${m[1]}.cer`, `${m[1]}.pfx`] : [name];
}

async function read(folder: string, shown: string, now: Date, password?: string): Promise<CertSource> {
  const path = join(folder, shown);
  const report = await inspectFile(path, { now, ...(password !== undefined ? { password } : {}) });
  if (report.error && report.certificates.length === 0 && report.privateKeys.length === 0)
    throw new MaterialError(`${shown}: ${report.error}`);
  return { shown, path, report, ders: certificateDers(report), keys: report.privateKeys, password };
}

/**
 * Reads the certificate file `name` (relative to the exercise folder `folder`), or the file that
 * may stand for it. Throws MaterialError naming the file when none is there or it holds no certificate.
 */
export async function readCertificate(folder: string, name: string, now: Date): Promise<CertSource> {
  const found = candidates(name).find((n) => isFile(join(folder, n)));
  if (!found) {
    const other = /^\.\.\/([a-z0-9-]+)\//.exec(name);
    if (other) throw new MaterialError(`${name}: not found; do the ${other[1]} exercise first`);
    const alt = candidates(name).slice(1);
    const also = alt.length ? ` (or ${alt[0]} in DER, or ${alt[1]} with password.txt)` : '';
    throw new MaterialError(
      `${name}: not found; write it in ${basename(join(folder, dirname(name)))}/${also}`,
    );
  }
  const pfx = found.endsWith('.pfx') || found.endsWith('.p12');
  const stem = basename(found).replace(/\.(pfx|p12)$/, '');
  const pfxFolder = join(folder, dirname(found));
  const password = pfx ? (passwordIn(pfxFolder, `${stem}-password.txt`) ?? passwordIn(pfxFolder)) : undefined;
  if (pfx && password === undefined)
    throw new MaterialError(`${found}: password.txt is missing; put the PFX's password on its first line`);
  const src = await read(folder, found, now, password);
  if (src.report.certificates.length === 0)
    throw new MaterialError(`${found}: ${src.report.error ?? 'holds no certificate'}`);
  return src;
}

/** Reads a private key file (PEM or DER; an encrypted one with password.txt). */
export async function readKey(folder: string, name: string, now: Date): Promise<CertSource> {
  if (!isFile(join(folder, name))) throw new MaterialError(`${name}: not found; write the private key there`);
  const src = await read(folder, name, now, passwordIn(folder));
  if (src.keys.length === 0)
    throw new MaterialError(
      `${name}: ${src.report.error ?? 'holds no private key (expected a PEM PRIVATE KEY block)'}`,
    );
  return src;
}

/** Reads any file the engine understands (a PFX with `passwordFile`), for PFX and CSR checks. */
export async function readAny(
  folder: string,
  name: string,
  now: Date,
  passwordFile?: string,
): Promise<CertSource> {
  if (!isFile(join(folder, name)))
    throw new MaterialError(`${name}: not found; write it in this exercise's folder`);
  const password = passwordFile ? passwordIn(folder, passwordFile) : undefined;
  if (passwordFile && password === undefined)
    throw new MaterialError(`${passwordFile}: not found; put the password of ${name} on its first line`);
  return read(folder, name, now, password);
}

/**
 * The bytes of a file that is not read by the engine (a CSR, a key for node:crypto), refused
 * before reading when it is larger than a certificate file can be.
 */
export function readBounded(folder: string, name: string): Buffer {
  const p = join(folder, name);
  if (!isFile(p)) throw new MaterialError(`${name}: not found; write it in this exercise's folder`);
  try {
    return readFileCapped(p);
  } catch (e) {
    throw new MaterialError(`${name}: ${(e as Error).message}`);
  }
}
