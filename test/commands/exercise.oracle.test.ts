/**
 * The exercise commands: init makes the workspace, check prints the JSON a teacher grades with and
 * exits 0/1/2, results go into progress by exercise id, the list shows each status, and the pack
 * checker names file and line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-args.js';
import { run as runExercise } from '../../src/commands/exercise.js';
import { run as runExercises } from '../../src/commands/exercises.js';
import { run as runProgress } from '../../src/commands/progress.js';
import { run as runReport } from '../../src/commands/report.js';
import { exercisesDir } from '../../src/exercises/pack.js';
import { opensslSelfSigned } from '../openssl-req.js';
import { scriptedContext } from './command-context.js';

const temp = () => mkdtempSync(join(tmpdir(), 'cert-tutor-excmd-'));

function context(home: string, now = new Date()) {
  return scriptedContext('', now, { CERT_TUTOR_HOME: home, TERM: 'xterm' });
}

describe('exercises init, exercise check, exercises', () => {
  it("init makes one folder per exercise with TASK.md and the given files, and keeps the learner's files", async () => {
    const ws = join(temp(), 'ws');
    const c = context(temp());
    expect(await runExercises(['init', ws], c.ctx)).toBe(0);
    expect(c.stdout()).toMatch(/12 exercises \(12 new folders\), each with TASK\.md/);
    const task = readFileSync(join(ws, 'server-cert', 'TASK.md'), 'utf8');
    expect(task).toMatch(/^# A server certificate for www\.example\.test/);
    expect(task).toMatch(/`server\.crt` \(or `server\.cer` in DER; or `server\.pfx` with `password\.txt`/);
    expect(task).toMatch(/### PowerShell \(Windows\)/);
    expect(existsSync(join(ws, 'fix-the-chain', 'candidates', 'intermediate-4.crt'))).toBe(true);
    expect(existsSync(join(ws, 'extract-key', 'given.pfx'))).toBe(true);
    const old = readFileSync(join(ws, 'renew', 'old.crt'));
    writeFileSync(join(ws, 'root-ca', 'ca.crt'), 'mine');
    const again = context(temp());
    expect(await runExercises(['init', ws], again.ctx)).toBe(0);
    expect(again.stdout()).toMatch(/\(0 new folders\)/);
    expect(readFileSync(join(ws, 'root-ca', 'ca.crt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(ws, 'renew', 'old.crt'))).toEqual(old);
  });

  it('renew: old.crt is made at init to expire 10 days after that moment', async () => {
    const ws = join(temp(), 'ws');
    const now = new Date('2031-05-01T00:00:00Z');
    expect(await runExercises(['init', ws], context(temp(), now).ctx)).toBe(0);
    const out = execFileSync('openssl', ['x509', '-in', join(ws, 'renew', 'old.crt'), '-noout', '-enddate'], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('notAfter=May 11 00:00:00 2031 GMT');
  });

  it('check --json: 1 and the failing checks before, 0 after the solution; the result is in progress', async () => {
    const ws = join(temp(), 'ws');
    const home = temp();
    await runExercises(['init', ws], context(home).ctx);
    const before = context(home);
    expect(await runExercise(['check', 'root-ca', '--dir', ws, '--json'], before.ctx)).toBe(1);
    const r1 = JSON.parse(before.stdout());
    expect(Object.keys(r1)).toEqual(['id', 'passed', 'checks']);
    expect(r1).toMatchObject({ id: 'root-ca', passed: false });
    expect(r1.checks[0]).toEqual({
      name: 'ca.crt: readable',
      passed: false,
      message: 'ca.crt: not found; write it in root-ca/ (or ca.cer in DER, or ca.pfx with password.txt)',
    });
    execFileSync('bash', [join(exercisesDir(), 'root-ca', 'solution.sh')], { cwd: join(ws, 'root-ca') });
    const after = context(home);
    expect(await runExercise(['check', 'root-ca', '--dir', ws, '--json'], after.ctx)).toBe(0);
    const r2 = JSON.parse(after.stdout());
    expect(r2.passed).toBe(true);
    expect(r2.checks.map((c: { name: string }) => c.name)).toEqual([
      'ca.crt: self-signed',
      'ca.crt: basicConstraints cA',
      'ca.crt: keyUsage keyCertSign',
      'ca.crt: key size',
      'ca.crt: validity',
      'ca.key: matches ca.crt',
    ]);
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.exercises['root-ca']).toMatchObject({ passed: true, checks: 2 });
    const text = context(home);
    expect(await runExercise(['check', 'root-ca', '--dir', ws], text.ctx)).toBe(0);
    expect(text.stdout()).toMatch(/^root-ca: Make your own root CA\n {2}✔ ca\.crt: self-signed/);
    expect(text.stdout()).toMatch(/PASSED: all 6 checks pass\.\n$/);
    const list = context(home);
    expect(await runExercises(['--dir', ws, '--json'], list.ctx)).toBe(0);
    const rows = JSON.parse(list.stdout()).exercises;
    expect(rows.slice(0, 2).map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      ['root-ca', 'passed'],
      ['server-cert', 'not started'],
    ]);
  });

  it('usage errors: an unknown id, check without an id, --json without check', async () => {
    const c = context(temp());
    await expect(runExercise(['check', 'nope'], c.ctx)).rejects.toThrow(UsageError);
    await expect(runExercise(['check', 'nope'], c.ctx)).rejects.toThrow(
      /no exercise 'nope' \(choose one of: root-ca, server-cert,/,
    );
    await expect(runExercise(['check'], c.ctx)).rejects.toThrow(/check needs an exercise id/);
    await expect(runExercise(['root-ca', '--json'], c.ctx)).rejects.toThrow(/--json goes with check/);
    await expect(runExercises(['start'], c.ctx)).rejects.toThrow(UsageError);
  });

  it('a missing workspace is a one-line problem naming init', async () => {
    const c = context(temp());
    const ws = join(temp(), 'none');
    await expect(runExercise(['check', 'root-ca', '--dir', ws], c.ctx)).rejects.toThrow(
      `${join(ws, 'root-ca')} does not exist; make the workspace first: cert-tutor exercises init ${ws}`,
    );
  });
});

describe('results files for cert-tutor report', () => {
  it('check --report writes one item per check; report summarises a class by exercise', async () => {
    const dir = temp();
    const files: string[] = [];
    for (const [student, ku] of [
      ['alice', 'critical,keyCertSign,cRLSign'],
      ['bob', 'critical,digitalSignature'],
    ] as const) {
      const ws = join(dir, student);
      await runExercises(['init', ws], context(temp()).ctx);
      opensslSelfSigned({
        key: 'ca.key',
        cert: 'ca.crt',
        subject: `/CN=${student} root`,
        addext: ['basicConstraints=critical,CA:TRUE', `keyUsage=${ku}`],
        cwd: join(ws, 'root-ca'),
      });
      const file = join(dir, `${student}.json`);
      files.push(file);
      const c = context(temp());
      const code = await runExercise(
        ['check', 'root-ca', '--dir', ws, '--name', student, '--report', file],
        c.ctx,
      );
      expect(code).toBe(student === 'alice' ? 0 : 1);
      expect(c.stderr()).toBe(`Results written to ${file}\n`);
    }
    const bob = JSON.parse(readFileSync(files[1]!, 'utf8'));
    expect(bob).toMatchObject({
      format: 'cert-tutor-quiz-results',
      name: 'bob',
      seed: 'exercise:root-ca',
      questions: 6,
    });
    expect(bob.items.find((i: { id: string }) => i.id === 'ca.crt: keyUsage keyCertSign')).toMatchObject({
      correct: false,
      lessonId: 'self-signed-and-chains',
    });
    const report = context(temp());
    expect(await runReport(files, report.ctx)).toBe(0);
    expect(report.stdout()).toMatch(/alice +6\/6 +100%/);
    expect(report.stdout()).toMatch(/bob +5\/6 +83\.3%/);
    expect(report.stdout()).toMatch(/50% +1\/2 +self-signed-and-chains\/ca\.crt: keyUsage keyCertSign/);
  });

  it('--report without check is a usage error', async () => {
    await expect(runExercise(['root-ca', '--report', 'x.json'], context(temp()).ctx)).rejects.toThrow(
      /--report and --name go with check/,
    );
  });
});

describe('the pack checker', () => {
  it('the built-in pack passes', async () => {
    const c = context(temp());
    expect(await runExercises(['--check'], c.ctx)).toBe(0);
    expect(c.stdout()).toBe('12 exercises, no problems.\n');
  });

  it("a teacher's pack: each problem as file:line", async () => {
    const pack = temp();
    writeFileSync(join(pack, 'pack.yaml'), 'exercises:\n  - first\n  - missing\n');
    mkdirSync(join(pack, 'first'));
    writeFileSync(
      join(pack, 'first', 'exercise.yaml'),
      [
        'id: first',
        'title: First',
        'lesson: server-vs-client',
        'task: Make a thing.',
        'produce: [a.crt]',
        'hints:',
        '  - tool: openssl',
        '    text: openssl ...',
        'checks:',
        '  - cert: a.crt',
        '    expect:',
        '      usableFor: [serverAuht]',
        '',
      ].join('\n'),
    );
    const c = context(temp());
    expect(await runExercises(['--check', '--pack', pack], c.ctx)).toBe(1);
    const lines = c.stdout().trim().split('\n');
    expect(lines).toContain(
      'missing/exercise.yaml:1: missing; every id listed in pack.yaml needs a folder with exercise.yaml',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^first\/exercise\.yaml:12: checks\.0\.expect\.usableFor\.0: .*"serverAuth"/),
    );
  });
});

describe('exercise in the line mode', () => {
  it('prints the folder and each check, h a hint, s the solution after a pass, n the next exercise', async () => {
    const ws = join(temp(), 'ws');
    const home = temp();
    await runExercises(['init', ws], context(home).ctx);
    execFileSync('bash', [join(exercisesDir(), 'root-ca', 'solution.sh')], { cwd: join(ws, 'root-ca') });
    const c = scriptedContext('h\ns\nr\nn\nq\n', new Date(), {
      CERT_TUTOR_HOME: home,
      CERT_TUTOR_NO_WATCH: '1',
      TERM: 'dumb',
    });
    expect(await runExercise(['root-ca', '--plain', '--dir', ws], c.ctx)).toBe(0);
    const out = c.stdout();
    expect(out).toContain(`Exercise 1/12: Make your own root CA\nFolder: ${join(ws, 'root-ca')}\n`);
    expect(out).toContain('This folder is not watched: press Enter (or r) to re-check after a change.');
    expect(out).toMatch(/OK {3}ca\.crt: keyUsage has keyCertSign/);
    expect(out).toContain('PASSED: all 6 checks pass.');
    expect(out).toContain('Hint (openssl):\nopenssl req -x509 -newkey rsa:2048');
    expect(out).toMatch(/A reference solution:\n[\s\S]*openssl req -x509/);
    expect(out).toContain('Exercise 2/12: A server certificate for www.example.test');
    expect(out).toContain('FAIL server.crt: not found; write it in server-cert/');
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.exercises['root-ca'].passed).toBe(true);
    expect(progress.exercises['server-cert'].passed).toBe(false);
    const shown = scriptedContext('', new Date(), { CERT_TUTOR_HOME: home });
    expect(await runProgress([], shown.ctx)).toBe(0);
    expect(shown.stdout()).toContain(
      'Hands-on exercises passed: 1 of 2 tried (root-ca passes, server-cert fails).',
    );
  });
});
