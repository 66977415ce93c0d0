/**
 * Every file cert-tutor reads is bounded: a pipe, a device or a huge file in a lesson pack, an
 * exercise pack, a password file or the progress folder gives one line and exit 1, quickly; it is
 * never read forever (the old behaviour hung on a FIFO and read /dev/zero until memory ran out).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBinary } from './built-binary.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-bounded-'));
const packs = join(import.meta.dirname, '..', 'fixtures-packs');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the small good pack in which `file` (relative to the pack) is replaced by `make(path)`. */
function packWith(name: string, file: string, make: (path: string) => void): string {
  const pack = join(dir, name);
  cpSync(join(packs, 'good'), pack, { recursive: true });
  const path = join(pack, file);
  rmSync(path, { force: true });
  make(path);
  return pack;
}
const fifo = (path: string) => execFileSync('mkfifo', [path]);

/** Runs the binary and checks the bounded outcome: exit 1, one line on stderr, no stack, in time. */
async function refuses(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const r = await runBinary(args, '', { CERT_TUTOR_HOME: join(dir, 'home'), ...env });
  // Far above a normal run (< 1 s); the old behaviour never ended.
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r;
}

describe('bounded reads, through the built binary', () => {
  it('a FIFO as lesson.md is a problem of the pack, not a hang', async () => {
    const firstLesson = 'first-look';
    const pack = packWith('fifo-lesson', `${firstLesson}/lesson.md`, fifo);
    const r = await refuses(['lessons', '--check', pack]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${firstLesson}/lesson.md:0: lesson.md is not a regular file (a pipe or a device)`,
    );
  });

  it('a FIFO as course.yaml: one line, exit 1', async () => {
    const pack = packWith('fifo-course', 'course.yaml', fifo);
    const r = await refuses(['lessons', '--lessons', pack]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('course.yaml is not a regular file');
  });

  it('a 2 MB lesson.md is refused before it is read, with its exact size and the limit', async () => {
    const pack = packWith('huge-lesson', 'first-look/lesson.md', (p) =>
      writeFileSync(p, `---\ntitle: Big\nsummary: Big.\n---\n${'x'.repeat(2 * 1024 * 1024)}\n`),
    );
    const r = await refuses(['lessons', '--check', pack]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /lesson\.md file is too large \(2,097,1\d\d bytes; the limit is 1,048,576\), so it is not a lesson pack file/,
    );
  });

  it('--password-file /dev/zero and a FIFO: one line naming the file, exit 1', async () => {
    const pfx = join(import.meta.dirname, '..', '..', 'fixtures', 'containers', 'client-modern.pfx');
    const zero = await refuses(['inspect', pfx, '--password-file', '/dev/zero']);
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toContain('/dev/zero: cannot read the password file: is not a regular file');
    const pipe = join(dir, 'pw.fifo');
    fifo(pipe);
    const r = await refuses(['inspect', pfx, '--password-file', pipe]);
    expect(r.stderr).toContain(`${pipe}: cannot read the password file: is not a regular file`);
  });

  it('a FIFO where the progress file should be: one line saying what to do, exit 1', async () => {
    const home = join(dir, 'fifo-home');
    mkdirSync(home);
    fifo(join(home, 'progress.json'));
    const r = await refuses(['progress'], { CERT_TUTOR_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('progress.json is not a regular file (a pipe or a device)');
    expect(r.stderr).toContain('set CERT_TUTOR_HOME');
  });

  it('a FIFO as an exercise pack file: listed as a problem of the pack', async () => {
    const pack = join(dir, 'exercise-pack');
    cpSync(join(import.meta.dirname, '..', '..', 'exercises'), pack, { recursive: true });
    rmSync(join(pack, 'root-ca', 'exercise.yaml'));
    fifo(join(pack, 'root-ca', 'exercise.yaml'));
    const r = await refuses(['exercises', '--check', '--pack', pack]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('root-ca/exercise.yaml:1: is not a regular file (a pipe or a device)');
  });
});
