import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPage } from '../../src/progress/record.js';
import {
  loadProgress,
  progressHome,
  progressPath,
  replaceProgress,
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

  it('clamps a lesson entry with a page that is not a number to page 0, and names it', () => {
    writeFileSync(
      progressPath(home),
      JSON.stringify({ format: 1, lessons: { a: { page: 'two' } }, review: {} }),
    );
    const { doc, notice } = loadProgress(home);
    expect(notice).toMatch(/lesson a page \("two", not a page number\)/);
    expect(doc.lessons.a).toEqual({ page: 0, pagesSeen: 1, done: false, answers: {} });
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

describe('loadProgress on a file with damaged parts', () => {
  const card = {
    due: '2030-01-02T00:00:00.000Z',
    stability: 2.3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 2,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: '2030-01-01T00:00:00.000Z',
  };
  const damaged = {
    format: 1,
    lessons: {
      a: {
        page: 1,
        pagesSeen: 2,
        done: false,
        answers: { q1: { correct: true, at: 'yesterday', attempts: 1 } },
      },
      b: null,
    },
    review: { 'a/q1': null, 'a/q2': { ...card, due: 'garbage' }, 'a/q3': card },
  };

  it('leaves out each damaged entry (a null card, a due date that is not a date, a null lesson), keeps the rest and the original', () => {
    const original = JSON.stringify(damaged);
    writeFileSync(progressPath(home), original);
    const { doc, notice } = loadProgress(home);
    expect(doc.review).toEqual({ 'a/q3': card });
    expect(doc.lessons).toEqual({ a: { page: 1, pagesSeen: 2, done: false, answers: {} } });
    expect(notice).toMatch(
      /^Your progress file had 4 damaged entries \(answer a\/q1 \(at: Invalid ISO datetime\), \.\.\.\)/,
    );
    expect(notice).toContain(join(home, 'progress.json.damaged'));
    expect(notice).not.toContain('\n');
    expect(readFileSync(join(home, 'progress.json.damaged'), 'utf8')).toBe(original);
    // The repaired file was written back: the next start has nothing to say.
    expect(loadProgress(home)).toEqual({ doc });
  });

  it('names a single damaged review card and why', () => {
    writeFileSync(
      progressPath(home),
      JSON.stringify({ format: 1, lessons: {}, review: { 'a/q2': { ...card, due: 'garbage' } } }),
    );
    expect(loadProgress(home).notice).toMatch(/a damaged entry \(review card a\/q2 \(due: /);
  });

  it('refuses reserved keys that would change an object prototype', () => {
    writeFileSync(
      progressPath(home),
      '{"format":1,"lessons":{"__proto__":{"page":0,"pagesSeen":1,"done":true,"answers":{}}},"review":{}}',
    );
    const { doc, notice } = loadProgress(home);
    expect(Object.keys(doc.lessons)).toEqual([]);
    expect(notice).toMatch(/lesson __proto__ \(reserved id\)/);
  });
});

describe('temporary files left by a killed process', () => {
  it("are removed when progress is next loaded if their writer is gone; a live writer's file stays", () => {
    saveProgress(home, emptyProgress());
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(home, `progress.json.tmp-${dead}-1`), '{"half": ');
    // pid 1 is alive (and not ours): its save may be in progress.
    writeFileSync(join(home, 'progress.json.tmp-1-1'), '{"half": ');
    loadProgress(home);
    expect(readdirSync(home).sort()).toEqual(['progress.json', 'progress.json.tmp-1-1']);
  });
});

describe('replaceProgress', () => {
  it('replaces the file without merging (progress --reset forgets answers)', () => {
    updateProgress(home, (d) => recordPage(d, 'chains', 1));
    replaceProgress(home, emptyProgress());
    expect(loadProgress(home).doc).toEqual(emptyProgress());
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
