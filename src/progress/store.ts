import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { CertTutorError } from '../errors.js';
import { PkiError } from '../pki/errors.js';
import { MAX_FILE_BYTES, readFileCapped } from '../pki/file-limits.js';
import { writeJsonAtomic } from './atomic-file.js';
import { withLock } from './lock.js';
import { mergeProgress } from './merge.js';
import { readPending, removePending, withPending, writePending } from './pending.js';
import { removeStaleTemps } from './stale-temps.js';
import { emptyProgress, type ProgressDoc } from './types.js';
import { validateProgress } from './validate.js';

/** The progress file's name inside the progress home. */
export const PROGRESS_FILE = 'progress.json';

/** A progress file that cannot be read or written for a reason the learner must fix (permissions...). */
export class ProgressError extends CertTutorError {
  override name = 'ProgressError';
  constructor(message: string) {
    super('progress', message);
  }
}

/** Where progress lives: `CERT_TUTOR_HOME` if set, else the user's data folder (env-paths: $XDG_DATA_HOME/cert-tutor on Linux). */
export function progressHome(env: NodeJS.ProcessEnv): string {
  const home = env.CERT_TUTOR_HOME;
  if (home !== undefined && home !== '') return home;
  return envPaths('cert-tutor', { suffix: '' }).data;
}

/** The full path of the progress file in `home`. */
export const progressPath = (home: string) => join(home, PROGRESS_FILE);
const lockPath = (home: string) => `${progressPath(home)}.lock`;

/** Called with a one-line notice for the learner (a damaged file moved aside, another window writing). */
export type OnNotice = (text: string) => void;

/** The words shown (once per process) when another window saves progress too. */
export const CONCURRENT_NOTICE =
  'another cert-tutor window is saving progress too; the answers of both are kept.';

const errCode = (e: unknown) => (e as { code?: string }).code ?? String(e);

/** Moves an unusable file aside to the first free `progress.json.<tag>[.N]` and returns the new path. */
function moveAside(file: string, tag: string, copy = false): string {
  let target = `${file}.${tag}`;
  for (let n = 1; existsSync(target); n++) target = `${file}.${tag}.${n}`;
  if (copy) copyFileSync(file, target);
  else renameSync(file, target);
  return target;
}

// What this process last read from or wrote to each progress file: a different text on the next
// read means another window wrote in between. The notice about it is given once per process.
const lastSeen = new Map<string, string>();
const told = new Set<string>();

function readText(file: string): string | undefined {
  try {
    return readFileCapped(file, MAX_FILE_BYTES, 'a progress file').toString('utf8');
  } catch (e) {
    if (e instanceof PkiError && e.code === 'not-found') return undefined;
    if (e instanceof PkiError)
      throw new ProgressError(`${file} ${e.message}; move it away or set CERT_TUTOR_HOME to another folder`);
    if (errCode(e) === 'ENOENT') return undefined;
    throw new ProgressError(
      `cannot read ${file}: ${errCode(e)} (check its permissions or set CERT_TUTOR_HOME)`,
    );
  }
}

/** Parses and checks the file's text; with `repair` (under the lock), moves a damaged file aside. */
function readDoc(file: string, repair: boolean): { doc: ProgressDoc; notice?: string; repaired?: boolean } {
  const text = readText(file);
  if (text === undefined) {
    lastSeen.set(file, '');
    return { doc: emptyProgress() };
  }
  let raw: unknown;
  let parsed = true;
  try {
    raw = JSON.parse(text);
  } catch {
    parsed = false;
  }
  const checked = parsed ? validateProgress(raw) : ({ reason: 'corrupt', detail: 'not valid JSON' } as const);
  if ('doc' in checked) {
    lastSeen.set(file, text);
    if (checked.dropped.length === 0 || !repair) return { doc: checked.doc };
    const copy = moveAside(file, 'damaged', true);
    const n = checked.dropped.length;
    const first = checked.dropped[0];
    return {
      doc: checked.doc,
      repaired: true,
      notice: `Your progress file had ${n === 1 ? 'a damaged entry' : `${n} damaged entries`} (${first}${n > 1 ? ', ...' : ''}); left ${n === 1 ? 'it' : 'them'} out and kept the original as ${copy}.`,
    };
  }
  if (!repair) return { doc: emptyProgress() };
  const moved = moveAside(file, checked.reason === 'corrupt' ? 'corrupt' : 'unknown-version');
  lastSeen.delete(file);
  const why =
    checked.reason === 'corrupt'
      ? `was unreadable (${checked.detail})`
      : `has format ${JSON.stringify(checked.format)}, which this version does not know`;
  return {
    doc: emptyProgress(),
    notice: `Your progress file ${why}; moved it to ${moved} and started afresh.`,
  };
}

function write(home: string, doc: ProgressDoc): void {
  const file = progressPath(home);
  try {
    writeJsonAtomic(file, doc, 0o600);
    lastSeen.set(file, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (e) {
    throw new ProgressError(
      `cannot save progress in ${home}: ${errCode(e)} (check its permissions or set CERT_TUTOR_HOME)`,
    );
  }
}

/** The file as it is now, with the pending saves of other windows merged in (see pending.ts). */
function readCurrent(
  file: string,
  repair: boolean,
): { doc: ProgressDoc; notice?: string; dirty: boolean; absorbed: string[] } {
  const r = readDoc(file, repair);
  const pending = readPending(file);
  return {
    doc: withPending(r.doc, pending.saves),
    ...(r.notice ? { notice: r.notice } : {}),
    dirty: r.repaired === true || pending.paths.length > 0,
    absorbed: pending.paths,
  };
}

/**
 * Runs `fn` under the progress lock (folder created first), or `onTimeout` when another window held
 * the lock for LOCK_WAIT_MS; tells `onNotice` once per process when another window writes.
 */
function locked<T>(home: string, fn: () => T, onTimeout: () => T, onNotice?: OnNotice): T {
  const file = progressPath(home);
  try {
    mkdirSync(home, { recursive: true });
  } catch (e) {
    throw new ProgressError(
      `cannot save progress in ${home}: ${errCode(e)} (check its permissions or set CERT_TUTOR_HOME)`,
    );
  }
  let othersWrote = false;
  const r = withLock(
    lockPath(home),
    () => {
      const before = lastSeen.get(file);
      if (before !== undefined && (readText(file) ?? '') !== before) othersWrote = true;
      return fn();
    },
    onTimeout,
  );
  if ((r.contended || othersWrote) && !told.has(file)) {
    told.add(file);
    onNotice?.(CONCURRENT_NOTICE);
  }
  return r.value;
}

/**
 * Reads the progress document. A missing file is a new learner. A file that is not ours, or of an
 * unknown version, is moved aside (never deleted) and a fresh document returned; damaged entries of a
 * usable file are left out, the original kept as `progress.json.damaged`. Either comes with a one-line
 * `notice` to show. Temporary files left by a killed process are removed, and pending saves merged.
 */
export function loadProgress(home: string): { doc: ProgressDoc; notice?: string } {
  const file = progressPath(home);
  if (!existsSync(home)) return { doc: readDoc(file, false).doc };
  const result = (r: { doc: ProgressDoc; notice?: string }) =>
    r.notice ? { doc: r.doc, notice: r.notice } : { doc: r.doc };
  return locked(
    home,
    () => {
      removeStaleTemps(home, file, Date.now());
      const r = readCurrent(file, true);
      if (r.dirty) {
        write(home, r.doc);
        removePending(r.absorbed);
      }
      return result(r);
    },
    () => result(readCurrent(file, false)),
  );
}

/**
 * Saves the document a window holds, merged item by item with what is on disk now (mergeProgress:
 * the newest answer wins), under the lock, so answers another window recorded since are kept.
 * `base` is the document this window last saved or loaded (it tells which pages it moved). Writes
 * atomically: a temporary file in the same folder, flushed, then renamed over the old one, so a
 * crash or kill -9 at any moment leaves either the old or the new file, never half. When the lock
 * stays taken, the save goes to a pending file merged in by the next save (pending.ts). Returns the merged document.
 */
export function saveProgress(
  home: string,
  doc: ProgressDoc,
  base?: ProgressDoc,
  onNotice?: OnNotice,
): ProgressDoc {
  const file = progressPath(home);
  return locked(
    home,
    rewrite(home, file, (cur) => mergeProgress(cur, doc, base), onNotice),
    () => {
      pending(file, doc, base);
      return mergeProgress(readCurrent(file, false).doc, doc, base);
    },
    onNotice,
  );
}

/** Replaces the file with `doc`, no merge, pending saves dropped (only `progress --reset` forgets progress). */
export function replaceProgress(home: string, doc: ProgressDoc): void {
  const file = progressPath(home);
  locked(
    home,
    () => {
      const { paths } = readPending(file);
      write(home, doc);
      removePending(paths);
    },
    () => {
      throw new ProgressError('another cert-tutor window is saving progress; close it and try again');
    },
  );
}

/**
 * Under the lock: loads the file as it is now, applies `fn` (a pure function of it) and saves;
 * returns the new doc. When the lock stays taken, the result goes to a pending file instead.
 */
export function updateProgress(
  home: string,
  fn: (doc: ProgressDoc) => ProgressDoc,
  onNotice?: OnNotice,
): ProgressDoc {
  const file = progressPath(home);
  return locked(
    home,
    rewrite(home, file, fn, onNotice),
    () => {
      const cur = readCurrent(file, false).doc;
      const next = fn(cur);
      pending(file, next, cur);
      return next;
    },
    onNotice,
  );
}

/** Under the lock: the file as it is now, `fn` applied and saved, the pending saves it absorbed removed. */
function rewrite(
  home: string,
  file: string,
  fn: (doc: ProgressDoc) => ProgressDoc,
  onNotice: OnNotice | undefined,
): () => ProgressDoc {
  return () => {
    const cur = readCurrent(file, true);
    if (cur.notice) onNotice?.(cur.notice);
    const next = fn(cur.doc);
    write(home, next);
    removePending(cur.absorbed);
    return next;
  };
}

function pending(file: string, doc: ProgressDoc, base: ProgressDoc | undefined): void {
  try {
    writePending(file, doc, base);
  } catch (e) {
    throw new ProgressError(
      `cannot save progress in ${join(file, '..')}: ${errCode(e)} (check its permissions or set CERT_TUTOR_HOME)`,
    );
  }
}
