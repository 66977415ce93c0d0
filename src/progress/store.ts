import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { CertTutorError } from '../errors.js';
import { writeJsonAtomic } from './atomic-file.js';
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

const errCode = (e: unknown) => (e as { code?: string }).code ?? String(e);

/** Moves an unusable file aside to the first free `progress.json.<tag>[.N]` and returns the new path. */
function moveAside(file: string, tag: string): string {
  let target = `${file}.${tag}`;
  for (let n = 1; existsSync(target); n++) target = `${file}.${tag}.${n}`;
  renameSync(file, target);
  return target;
}

/**
 * Reads the progress document. A missing file is a new learner. A corrupt or unknown-version file is
 * moved aside (never deleted) and a fresh document is returned with a one-line `notice` to show.
 */
export function loadProgress(home: string): { doc: ProgressDoc; notice?: string } {
  const file = progressPath(home);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (errCode(e) === 'ENOENT') return { doc: emptyProgress() };
    throw new ProgressError(
      `cannot read ${file}: ${errCode(e)} (check its permissions or set CERT_TUTOR_HOME)`,
    );
  }
  let raw: unknown;
  let parsed = true;
  try {
    raw = JSON.parse(text);
  } catch {
    parsed = false;
  }
  const checked = parsed ? validateProgress(raw) : ({ reason: 'corrupt', detail: 'not valid JSON' } as const);
  if ('doc' in checked) return { doc: checked.doc };
  const moved = moveAside(file, checked.reason === 'corrupt' ? 'corrupt' : 'unknown-version');
  const why =
    checked.reason === 'corrupt'
      ? `was unreadable (${checked.detail})`
      : `has format ${JSON.stringify(checked.format)}, which this version does not know`;
  return {
    doc: emptyProgress(),
    notice: `Your progress file ${why}; moved it to ${moved} and started afresh.`,
  };
}

/**
 * Writes the document atomically: a temporary file in the same folder, flushed, then renamed over
 * the old one, so a crash or kill -9 at any moment leaves either the old or the new file, never half.
 */
export function saveProgress(home: string, doc: ProgressDoc): void {
  const file = progressPath(home);
  try {
    mkdirSync(home, { recursive: true });
    writeJsonAtomic(file, doc, 0o600);
  } catch (e) {
    throw new ProgressError(
      `cannot save progress in ${home}: ${errCode(e)} (check its permissions or set CERT_TUTOR_HOME)`,
    );
  }
}

/** Loads, applies `fn` (a pure function of the document) and saves atomically; returns the new doc. */
export function updateProgress(home: string, fn: (doc: ProgressDoc) => ProgressDoc): ProgressDoc {
  const next = fn(loadProgress(home).doc);
  saveProgress(home, next);
  return next;
}
