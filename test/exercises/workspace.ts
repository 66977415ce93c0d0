/**
 * Test helpers for the exercises: a workspace made by `initWorkspace`, the reference solutions run
 * with the real openssl (tests only), and copies of it in which a typical mistake is made.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExercise } from '../../src/exercises/check.js';
import { findExercise, loadExercisePack } from '../../src/exercises/pack.js';
import type { ExerciseResult } from '../../src/exercises/types.js';
import { initWorkspace } from '../../src/exercises/workspace.js';

export const pack = loadExercisePack();

export const exercise = (id: string) => {
  const e = findExercise(pack, id);
  if (!e) throw new Error(`no exercise ${id}`);
  return e;
};

/** Runs a bash command line in `cwd` (openssl and coreutils); throws with its stderr on failure. */
export function sh(cmd: string, cwd: string): void {
  execFileSync('bash', ['-euo', 'pipefail', '-c', cmd], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 30_000,
  });
}

/** A workspace with every reference solution run, in order (later exercises use earlier files). */
export async function solvedWorkspace(): Promise<string> {
  const ws = mkdtempSync(join(tmpdir(), 'cert-tutor-ex-'));
  await initWorkspace(ws, pack.exercises, new Date());
  for (const e of pack.exercises) sh(`bash ${join(e.dir, 'solution.sh')}`, join(ws, e.id));
  return ws;
}

/** A copy of `ws` in which `cmd` is run in exercise `id`'s folder, then that exercise checked. */
export async function withMistake(ws: string, id: string, cmd: string): Promise<ExerciseResult> {
  const copy = mkdtempSync(join(tmpdir(), 'cert-tutor-ex-'));
  cpSync(ws, copy, { recursive: true });
  sh(cmd, join(copy, id));
  return checkExercise(exercise(id), join(copy, id), new Date());
}

/** The failed checks' names, and one check's message by name. */
export const failedNames = (r: ExerciseResult) => r.checks.filter((c) => !c.passed).map((c) => c.name);
export function messageOf(r: ExerciseResult, name: string): string {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no check '${name}' in ${r.checks.map((x) => x.name).join(' | ')}`);
  return c.message;
}

/** openssl options for a new EC P-256 key, unencrypted (quick to make). */
export const EC = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc';
export const SERIAL = '-set_serial 0x$(openssl rand -hex 8)';
/** Issues NAME.crt from NAME.csr with the root and the extension lines given. */
export const issue = (name: string, ...ext: string[]) =>
  `printf '%s\\n' ${ext.map((x) => `"${x}"`).join(' ')} > m.ext && openssl x509 -req -in ${name}.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key ${SERIAL} -days 90 -extfile m.ext -out ${name}.crt 2>/dev/null`;
export const request = (name: string, cn: string) =>
  `openssl req -new ${EC} -keyout ${name}.key -subj "/CN=${cn}" -out ${name}.csr 2>/dev/null`;
