import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readFileCapped } from '../pki/file-limits.js';

/** A lock older than this is left over from a process that hung or died: it is broken. */
export const LOCK_STALE_MS = 5_000;
/** How long a save waits for another window's lock before it saves without it (see withLock). */
export const LOCK_WAIT_MS = 800;
const RETRY_MS = 15;

/** How taking the lock went. */
export interface LockOutcome<T> {
  value: T;
  /** Another live process held the lock when this one asked for it (another window is writing). */
  contended: boolean;
  /** This process never got the lock within LOCK_WAIT_MS: `onTimeout` ran instead of `fn`. */
  unlocked: boolean;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether process `pid` exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** True when the lock at `file` was left by a dead process or is older than LOCK_STALE_MS. */
function isStale(file: string, now: number): boolean {
  let text = '';
  let mtime: number;
  try {
    // A lock file holds a few bytes of JSON; anything else (a pipe, a huge file) is not read.
    text = readFileCapped(file, 4096).toString('utf8');
    mtime = statSync(file).mtimeMs;
  } catch {
    return false; // gone already: the next attempt takes it
  }
  let holder: { pid?: unknown; at?: unknown } = {};
  try {
    holder = JSON.parse(text) as typeof holder;
  } catch {
    // being written right now, or damaged: judged by its age alone
  }
  const at = typeof holder.at === 'number' ? holder.at : mtime;
  if (now - at > LOCK_STALE_MS) return true;
  return typeof holder.pid === 'number' && holder.pid !== process.pid && !isAlive(holder.pid);
}

/**
 * Removes a stale lock. Two processes may both judge it stale; the second must not remove the
 * fresh lock the first has taken meanwhile, so breaking takes a lock of its own (`<file>.break`,
 * `wx`) and judges again under it. A `.break` file left by a process killed while breaking is old
 * after LOCK_STALE_MS and removed.
 */
function breakStale(file: string): void {
  const breaker = `${file}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx', 0o600);
  } catch {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > LOCK_STALE_MS) unlinkSync(breaker);
    } catch {
      // gone already
    }
    pause(RETRY_MS); // another process is breaking it: look again shortly
    return;
  }
  try {
    if (isStale(file, Date.now())) unlinkSync(file);
  } catch {
    // removed meanwhile
  } finally {
    closeSync(fd);
    unlinkSync(breaker);
  }
}

/**
 * Runs `fn` while holding the lock file `file`, created exclusively (`wx`) with this process's pid
 * and the time. A lock left by a dead process, or older than LOCK_STALE_MS, is removed. While a live
 * process holds it, this one retries for at most LOCK_WAIT_MS and then runs `onTimeout` instead (a
 * learner is never blocked for long; the caller saves somewhere no one else writes). `fn` also runs
 * unlocked when the lock file cannot be created at all (a read-only folder). The lock is released
 * even when `fn` throws.
 */
export function withLock<T>(file: string, fn: () => T, onTimeout: () => T = fn): LockOutcome<T> {
  const start = Date.now();
  let contended = false;
  let fd: number | undefined;
  for (;;) {
    try {
      fd = openSync(file, 'wx', 0o600);
      break;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'EEXIST') return { value: fn(), contended, unlocked: true }; // e.g. no folder yet
    }
    const stale = isStale(file, Date.now());
    if (stale) breakStale(file);
    else contended = true;
    if (Date.now() - start >= LOCK_WAIT_MS) return { value: onTimeout(), contended, unlocked: true };
    if (!stale) pause(RETRY_MS);
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, at: Date.now() }));
  } finally {
    closeSync(fd);
  }
  try {
    return { value: fn(), contended, unlocked: false };
  } finally {
    try {
      unlinkSync(file);
    } catch {
      // broken as stale by another process after LOCK_STALE_MS: nothing left to release
    }
  }
}
