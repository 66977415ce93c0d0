import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkResultsTarget,
  type QuizResults,
  ResultsFileError,
  readResultsFile,
  writeResultsFile,
} from '../../src/course/results-file.js';

const results = (name: string): QuizResults => ({
  format: 'cert-tutor-quiz-results',
  formatVersion: 1,
  name,
  seed: 'week1',
  courseTitle: 'PKI',
  courseVersion: '1.0.0',
  lesson: null,
  startedAt: '2030-01-01T10:00:00.000Z',
  endedAt: '2030-01-01T10:05:00.000Z',
  questions: 0,
  items: [],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (path: string) => {
  try {
    checkResultsTarget(path);
  } catch (e) {
    expect(e).toBeInstanceOf(ResultsFileError);
    return (e as Error).message;
  }
  return undefined;
};

describe('where quiz --report may write', () => {
  it('a new file in an existing folder, and over an earlier results file (a second attempt)', () => {
    const file = join(dir, 'alice.json');
    expect(refusal(file)).toBeUndefined();
    writeResultsFile(file, results('first'));
    writeResultsFile(file, results('second'));
    expect(readResultsFile(file).name).toBe('second');
  });

  it('never over a file that is not a results file: JSON of another kind, text, a folder', () => {
    writeFileSync(join(dir, 'notes.json'), '{"a": 1}');
    writeFileSync(join(dir, 'thesis.txt'), 'years of work');
    mkdirSync(join(dir, 'folder'));
    for (const [name, what] of [
      ['notes.json', 'it exists and is something else'],
      ['thesis.txt', 'it exists and is something else'],
      ['folder', 'it is a folder'],
    ] as const) {
      expect(refusal(join(dir, name))).toBe(
        `will not overwrite ${join(dir, name)}: ${what}, not a cert-tutor results file; give another file name`,
      );
    }
    expect(() => writeResultsFile(join(dir, 'thesis.txt'), results('x'))).toThrow(ResultsFileError);
    expect(readFileSync(join(dir, 'thesis.txt'), 'utf8')).toBe('years of work');
  });

  it('never through a symbolic link or into a FIFO (refused without reading it, so without hanging)', () => {
    writeResultsFile(join(dir, 'real.json'), results('a'));
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    expect(refusal(join(dir, 'link.json'))).toMatch(/it is not a regular file/);
    expect(refusal(join(dir, 'pipe.json'))).toMatch(/it is not a regular file/);
  });

  it('creates no folder: a missing one is named', () => {
    const file = join(dir, 'a', 'b', 'alice.json');
    expect(refusal(file)).toBe(
      `cannot write the results file ${file}: the folder ${join(dir, 'a', 'b')} does not exist (create it first, or give another path)`,
    );
    expect(() => writeResultsFile(file, results('x'))).toThrow(ResultsFileError);
  });
});
