import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_STALE_MS, withLock } from '../../src/progress/lock.js';

let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-lock-'));
  lock = join(dir, 'progress.json.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('withLock', () => {
  it('holds the lock file (with its pid and time) while fn runs, and removes it after, even when fn throws', () => {
    const seen = withLock(lock, () => JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; at: number });
    expect(seen.value.pid).toBe(process.pid);
    expect(typeof seen.value.at).toBe('number');
    expect(seen).toMatchObject({ contended: false, unlocked: false });
    expect(existsSync(lock)).toBe(false);
    expect(() =>
      withLock(lock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a lock older than the stale limit even when its pid is alive', () => {
    writeFileSync(lock, JSON.stringify({ pid: 1, at: Date.now() - LOCK_STALE_MS - 1000 }));
    expect(withLock(lock, () => 'ran')).toEqual({ value: 'ran', contended: false, unlocked: false });
  });

  it('breaks an unreadable lock file by its age alone', () => {
    writeFileSync(lock, 'half-writ');
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    utimesSync(lock, old, old);
    expect(withLock(lock, () => 'ran').unlocked).toBe(false);
  });

  it('waits for a fresh lock of a live process, then runs without it and says so', () => {
    writeFileSync(lock, JSON.stringify({ pid: 1, at: Date.now() })); // pid 1 is always alive
    const r = withLock(lock, () => 'ran');
    expect(r).toEqual({ value: 'ran', contended: true, unlocked: true });
    expect(existsSync(lock)).toBe(true); // someone else's lock is left alone
  });
});
