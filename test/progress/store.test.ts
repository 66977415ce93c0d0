import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPage } from '../../src/progress/record.js';
import {
  loadProgress,
  progressHome,
  progressPath,
  saveProgress,
  updateProgress,
} from '../../src/progress/store.js';
import { emptyProgress } from '../../src/progress/types.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ct-progress-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('progressHome', () => {
  it('uses CERT_TUTOR_HOME when it is set', () => {
    expect(progressHome({ CERT_TUTOR_HOME: '/tmp/class-7' })).toBe('/tmp/class-7');
  });
  it('falls back to a per-user folder named after cert-tutor when CERT_TUTOR_HOME is unset or empty', () => {
    expect(progressHome({})).toMatch(/cert-tutor$/);
    expect(progressHome({ CERT_TUTOR_HOME: '' })).toMatch(/cert-tutor$/);
  });
});

describe('loadProgress', () => {
  it('gives a new learner an empty document and no notice when there is no file', () => {
    expect(loadProgress(home)).toEqual({ doc: emptyProgress() });
  });

  it('reads back exactly what saveProgress wrote', () => {
    const doc = recordPage(emptyProgress(), 'server-vs-client', 3);
    saveProgress(home, doc);
    expect(loadProgress(home)).toEqual({ doc });
  });

  it('moves a file that is not JSON aside, says where in one line, and starts afresh', () => {
    writeFileSync(progressPath(home), '{"format":1,"less');
    const { doc, notice } = loadProgress(home);
    expect(doc).toEqual(emptyProgress());
    expect(notice).toContain(join(home, 'progress.json.corrupt'));
    expect(notice).not.toContain('\n');
    expect(readFileSync(join(home, 'progress.json.corrupt'), 'utf8')).toBe('{"format":1,"less');
    expect(existsSync(progressPath(home))).toBe(false);
  });

  it('moves a file of an unknown format version aside and names the version', () => {
    writeFileSync(progressPath(home), JSON.stringify({ format: 99, lessons: {} }));
    const { doc, notice } = loadProgress(home);
    expect(doc).toEqual(emptyProgress());
    expect(notice).toMatch(/format 99/);
    expect(existsSync(join(home, 'progress.json.unknown-version'))).toBe(true);
  });

  it('treats a JSON file with malformed lesson entries as corrupt', () => {
    writeFileSync(
      progressPath(home),
      JSON.stringify({ format: 1, lessons: { a: { page: 'two' } }, review: {} }),
    );
    expect(loadProgress(home).notice).toMatch(/lesson a/);
  });

  it('never overwrites an earlier moved-aside file', () => {
    writeFileSync(progressPath(home), 'garbage one');
    loadProgress(home);
    writeFileSync(progressPath(home), 'garbage two');
    loadProgress(home);
    expect(readFileSync(join(home, 'progress.json.corrupt'), 'utf8')).toBe('garbage one');
    expect(readFileSync(join(home, 'progress.json.corrupt.1'), 'utf8')).toBe('garbage two');
  });
});

describe('saveProgress', () => {
  it('creates the progress folder and leaves no temporary file behind', () => {
    const nested = join(home, 'a', 'b');
    saveProgress(nested, emptyProgress());
    expect(readdirSync(nested)).toEqual(['progress.json']);
  });

  it('reports a folder it cannot write to in one line naming the folder', () => {
    const file = join(home, 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => saveProgress(join(file, 'sub'), emptyProgress())).toThrow(
      /cannot save progress in .*not-a-dir/,
    );
  });
});

describe('updateProgress', () => {
  it('applies the change to the stored document and persists it', () => {
    updateProgress(home, (d) => recordPage(d, 'chains', 1));
    const next = updateProgress(home, (d) => recordPage(d, 'chains', 2));
    expect(next.lessons.chains).toMatchObject({ page: 2, pagesSeen: 3 });
    expect(loadProgress(home).doc).toEqual(next);
  });
});
