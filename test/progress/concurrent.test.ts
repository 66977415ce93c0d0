import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPage } from '../../src/progress/record.js';
import { CONCURRENT_NOTICE, loadProgress, saveProgress } from '../../src/progress/store.js';
import { writer } from './writer.js';

let top: string;
let home: string;
let go: string;
beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'ct-concurrent-'));
  home = join(top, 'home');
  go = join(top, 'go');
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

/** Starts the writers, lets them all begin at once (each waits for the GO file), waits for them all. */
async function together(...runs: [string, number][]): Promise<string[][]> {
  const all = Promise.all(runs.map(([tag, n]) => writer(home, tag, n, go)));
  await new Promise((r) => setTimeout(r, 1500)); // every child has loaded by now (or waits longer: still correct)
  writeFileSync(go, '');
  return all;
}

const keys = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);

describe('several windows writing progress at once (real processes)', () => {
  it('two writers: every answer and every review card of both is kept', async () => {
    await together(['x', 60], ['y', 60]);
    const { doc } = loadProgress(home);
    const want = [...keys('x', 60), ...keys('y', 60)].sort();
    expect(Object.keys(doc.lessons.a!.answers).sort()).toEqual(want);
    expect(Object.keys(doc.review).sort()).toEqual(want.map((k) => `a/${k}`));
    expect(readdirSync(home).sort()).toEqual(['progress.json']); // no lock, no temporary file left
  }, 60_000);

  it('three writers: all 150 answers are kept, and any notice comes once per process', async () => {
    const notices = await together(['x', 50], ['y', 50], ['z', 50]);
    const { doc } = loadProgress(home);
    expect(Object.keys(doc.lessons.a!.answers).sort()).toEqual(
      [...keys('x', 50), ...keys('y', 50), ...keys('z', 50)].sort(),
    );
    expect(Object.keys(doc.review)).toHaveLength(150);
    for (const n of notices) expect(n.length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('a writer that finds the lock held by a live process waits under a second, saves to a pending file, and says so', async () => {
    mkdirSync(home);
    const lock = join(home, 'progress.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, at: Date.now() }));
    writeFileSync(go, '');
    const start = Date.now();
    const notices = await writer(home, 'w', 2, go);
    expect(Date.now() - start).toBeLessThan(20_000); // generous guard: a lock that blocks forever fails this
    expect(notices).toEqual([CONCURRENT_NOTICE]);
    const pending = readdirSync(home).filter((n) => n.startsWith('progress.json.pending-'));
    expect(pending).toHaveLength(2); // one per answer, each in a file no other process writes
    // Still locked: a reader sees the pending answers without waiting for them to be merged.
    expect(Object.keys(loadProgress(home).doc.review).sort()).toEqual(['a/w-0', 'a/w-1']);
    // The next process that gets the lock merges them into progress.json and removes them.
    rmSync(lock);
    expect(Object.keys(loadProgress(home).doc.review).sort()).toEqual(['a/w-0', 'a/w-1']);
    expect(readdirSync(home)).toEqual(['progress.json']);
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).review).sort()).toEqual([
      'a/w-0',
      'a/w-1',
    ]);
  }, 60_000);

  it('a lock left by a dead process is broken at once, without a notice', async () => {
    mkdirSync(home);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(home, 'progress.json.lock'), JSON.stringify({ pid: dead, at: Date.now() }));
    writeFileSync(go, '');
    expect(await writer(home, 'd', 3, go)).toEqual([]);
    expect(Object.keys(loadProgress(home).doc.review)).toHaveLength(3);
    expect(readdirSync(home)).toEqual(['progress.json']);
  }, 60_000);

  it('the TUI saving its in-memory copy keeps the 10 review items a quiz in another window recorded', async () => {
    const tuiBase = loadProgress(home).doc; // the TUI starts: nothing saved yet
    writeFileSync(go, '');
    await writer(home, 'q', 10, go); // meanwhile `cert-tutor quiz` in another window answers 10 items
    const tuiNow = recordPage(tuiBase, 'b', 2); // the TUI turns a page and saves what it holds
    const notices: string[] = [];
    saveProgress(home, tuiNow, tuiBase, (t) => notices.push(t));
    const { doc } = loadProgress(home);
    expect(Object.keys(doc.review)).toHaveLength(10);
    expect(Object.keys(doc.lessons.a!.answers)).toHaveLength(10);
    expect(doc.lessons.b).toMatchObject({ page: 2, pagesSeen: 3 });
    expect(notices).toEqual([CONCURRENT_NOTICE]);
  }, 60_000);
});
