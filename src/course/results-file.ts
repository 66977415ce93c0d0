import { lstatSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CertTutorError } from '../errors.js';
import { PkiError } from '../pki/errors.js';
import { readFileCapped } from '../pki/file-limits.js';
import { writeJsonAtomic } from '../progress/atomic-file.js';

/** The results file format this build writes and reads. */
export const RESULTS_FORMAT_VERSION = 1;

/** Tag that marks a JSON file as a cert-tutor quiz results file. */
export const RESULTS_FORMAT_NAME = 'cert-tutor-quiz-results';

const itemSchema = z.object({
  id: z.string().min(1),
  lessonId: z.string().min(1),
  source: z.enum(['authored', 'generated']),
  prompt: z.string(),
  /** The choice texts given; empty when the learner stopped before answering. */
  given: z.array(z.string()),
  expected: z.array(z.string()),
  correct: z.boolean(),
  hinted: z.boolean(),
  /** Milliseconds from showing the question to the answer. */
  timeMs: z.number().int().nonnegative(),
});

const resultsSchema = z.object({
  format: z.literal(RESULTS_FORMAT_NAME),
  formatVersion: z.literal(RESULTS_FORMAT_VERSION),
  name: z.string(),
  seed: z.string().min(1),
  courseTitle: z.string(),
  courseVersion: z.string().min(1),
  lesson: z.string().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  /** How many questions the quiz had (items holds the answered ones; fewer when stopped early). */
  questions: z.number().int().nonnegative(),
  items: z.array(itemSchema),
  /** The titles of the lessons the items come from, by id, so a report names lessons as the course does (optional: older files lack it). */
  lessonTitles: z.record(z.string(), z.string()).optional(),
});

/** One answered question in a results file. */
export type ResultItem = z.infer<typeof itemSchema>;
/** A quiz results file (what `quiz --report FILE` writes and `report` reads). */
export type QuizResults = z.infer<typeof resultsSchema>;

/** A results file that cannot be read: `message` is one line saying why. */
export class ResultsFileError extends CertTutorError {
  override name = 'ResultsFileError';
  constructor(message: string) {
    super('bad-results-file', message);
  }
}

/** The number of right answers in a results file. */
export const resultsScore = (r: QuizResults) => r.items.filter((i) => i.correct).length;

/** Checks parsed JSON; returns the results or throws ResultsFileError naming the first problem. */
export function parseResults(raw: unknown): QuizResults {
  const checked = resultsSchema.safeParse(raw);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the file';
  throw new ResultsFileError(
    `not a cert-tutor results file (format ${RESULTS_FORMAT_VERSION}): ${where}: ${issue?.message ?? 'invalid'}`,
  );
}

/** Reads and checks one results file; throws ResultsFileError with one line on any problem. */
export function readResultsFile(path: string): QuizResults {
  let text: string;
  try {
    text = readFileCapped(path).toString('utf8');
  } catch (e) {
    const code = e instanceof PkiError ? e.code : 'read-error';
    const why: Record<string, string> = {
      'not-found': 'there is no such file (check the name and folder)',
      permission: 'permission denied (ask its owner to share it)',
      'is-directory': 'it is a folder, not a results file (give the files in it)',
    };
    throw new ResultsFileError(why[code] ?? (e as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ResultsFileError('not JSON (is it a cert-tutor results file?)');
  }
  return parseResults(raw);
}

// A results file of a long quiz is a few hundred KB; anything larger at the target is not one.
const MAX_RESULTS_BYTES = 10 * 1024 * 1024;

/**
 * Checks that `quiz --report PATH` may write there, before the quiz starts: its folder exists (no
 * folder is created silently), and whatever is already at PATH is a cert-tutor results file (an
 * earlier run's), never some other file that would be lost. Throws ResultsFileError with one line.
 */
export function checkResultsTarget(path: string): void {
  const folder = dirname(path);
  const isFolder = (() => {
    try {
      return statSync(folder).isDirectory();
    } catch {
      return false;
    }
  })();
  if (!isFolder)
    throw new ResultsFileError(
      `cannot write the results file ${path}: the folder ${folder} does not exist (create it first, or give another path)`,
    );
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch {
    return; // nothing there yet
  }
  const refuse = (what: string) =>
    new ResultsFileError(
      `will not overwrite ${path}: ${what}, not a cert-tutor results file; give another file name`,
    );
  if (!st.isFile()) throw refuse(st.isDirectory() ? 'it is a folder' : 'it is not a regular file');
  if (st.size > MAX_RESULTS_BYTES) throw refuse('it is too large');
  try {
    readResultsFile(path);
  } catch (e) {
    if (e instanceof ResultsFileError) throw refuse('it exists and is something else');
    throw e;
  }
}

/**
 * Writes a results file atomically: a temporary file beside it, flushed, then renamed over the
 * target, so a teacher never collects a half-written file. The target is checked again first
 * (checkResultsTarget); no folder is created.
 */
export function writeResultsFile(path: string, results: QuizResults): void {
  checkResultsTarget(path);
  try {
    writeJsonAtomic(path, results, 0o644, false);
  } catch (e) {
    throw new ResultsFileError(
      `cannot write the results file ${path}: ${(e as { code?: string }).code ?? 'error'} (check the folder exists and is writable)`,
    );
  }
}
