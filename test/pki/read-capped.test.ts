import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultsFileError, readResultsFile } from '../../src/course/results-file.js';
import { LabError } from '../../src/labs/errors.js';
import { loadCredential } from '../../src/labs/material.js';
import { readFileCapped } from '../../src/pki/file-limits.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-capped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = (f: () => unknown) => {
  try {
    f();
    return 'read';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('readFileCapped: the one bounded read for files the engine does not parse itself', () => {
  it('reads a regular file within the limit, and refuses one byte over before reading it', () => {
    const f = join(dir, 'small');
    writeFileSync(f, Buffer.alloc(100, 0x41));
    expect(readFileCapped(f, 100).length).toBe(100);
    expect(code(() => readFileCapped(f, 99))).toBe('too-large');
  });

  it('refuses a device, a FIFO, a folder and a missing file at once, each with its own code', () => {
    expect(code(() => readFileCapped('/dev/zero'))).toBe('not-a-file');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(code(() => readFileCapped(fifo))).toBe('not-a-file');
    expect(code(() => readFileCapped(dir))).toBe('is-directory');
    expect(code(() => readFileCapped(join(dir, 'nothing')))).toBe('not-found');
  });

  it('keeps report and the labs from reading /dev/zero forever (one line each)', async () => {
    expect(() => readResultsFile('/dev/zero')).toThrow(ResultsFileError);
    expect(() => readResultsFile('/dev/zero')).toThrow('is not a regular file');
    await expect(Promise.resolve().then(() => loadCredential('/dev/zero'))).rejects.toThrow(LabError);
  });
});
