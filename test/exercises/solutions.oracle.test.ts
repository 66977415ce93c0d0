/**
 * Every exercise's reference solution (run with the real openssl) passes every check, and each
 * check names the file it is about.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExercise } from '../../src/exercises/check.js';
import { pack, solvedWorkspace } from './workspace.js';

let ws: string;
beforeAll(async () => {
  ws = await solvedWorkspace();
}, 120_000);

// The twelve exercises of the course, in the order of the course (written by hand, not read from the pack).
const COURSE_EXERCISES = [
  'root-ca',
  'server-cert',
  'client-cert',
  'intermediate',
  'fix-the-chain',
  'csr',
  'pfx-export',
  'pfx-legacy',
  'keyspec',
  'extract-key',
  'dual-use',
  'renew',
];

describe('reference solutions', () => {
  it('the built-in pack has the twelve exercises of the course, in order, and no problems', () => {
    expect(pack.problems).toEqual([]);
    expect(pack.exercises.map((e) => e.id)).toEqual(COURSE_EXERCISES);
  });

  for (const id of COURSE_EXERCISES) {
    it(`${id}: the reference solution passes`, async () => {
      const e = pack.exercises.find((x) => x.id === id)!;
      const r = await checkExercise(e, join(ws, id), new Date());
      expect(r.checks.filter((c) => !c.passed)).toEqual([]);
      expect(r.passed).toBe(true);
      expect(r.checks.length).toBeGreaterThanOrEqual(3);
      for (const c of r.checks) expect(c.message).toMatch(/^[\w./-]+: /);
    });
  }
});
