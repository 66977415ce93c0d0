import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-args.js';
import { run } from '../../src/commands/lessons.js';
import { CertTutorError } from '../../src/errors.js';
import { capturedContext } from './command-context.js';

const packs = join(import.meta.dirname, '..', 'fixtures-packs');

async function lessons(argv: string[]) {
  const c = capturedContext();
  const code = await run(argv, c.ctx);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('cert-tutor lessons --check', () => {
  it('exits 1 with one file:line line per problem, under the folder as given, and a count', async () => {
    const dir = join(packs, 'broken');
    const { code, stdout } = await lessons(['--check', dir]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(
      `${join(dir, 'main/quiz.yaml')}:17: item 'bad-kind' has unknown kind 'true-false'; use one of classify, field, has-private-key, keyspec, choice, multi-choice`,
    );
    expect(lines).toContain(
      `${join(dir, 'course.yaml')}:12: lesson 'ghost-lesson' has no folder; create ghost-lesson/ with a lesson.md, or remove the id`,
    );
    const problemLines = lines.slice(0, -1);
    for (const line of problemLines) expect(line).toMatch(/^\S+:\d+: \S/);
    expect(lines.at(-1)).toBe(`${problemLines.length} problems in ${dir}`);
  });

  it('accepts the pack folder through --lessons too', async () => {
    const { code, stdout } = await lessons(['--check', '--lessons', join(packs, 'broken')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/problems in /);
  });

  it('exits 1 with the line of a YAML syntax error in course.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-lessons-'));
    try {
      writeFileSync(join(dir, 'course.yaml'), 'format: 1\ntitle: Notes: PKI\nlessons: []\n');
      const { code, stdout } = await lessons(['--check', dir]);
      expect(code).toBe(1);
      expect(stdout.split('\n')[0]).toMatch(
        new RegExp(`^${join(dir, 'course.yaml')}:2: YAML syntax error: .*put the text in quotes`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 and says what to do for a folder without course.yaml', async () => {
    const dir = join(packs, 'good', 'fixtures');
    const { code, stdout } = await lessons(['--check', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'course.yaml')}:1: the pack has no course.yaml; write one`);
  });
});

describe('cert-tutor lessons --check warnings and --explain', () => {
  // Its fixture was made with openssl req -x509 -addext extendedKeyUsage=serverAuth: CA:TRUE,
  // self-signed, so a root CA, while the explanation says "a server certificate".
  const dir = join(packs, 'wrong-kind');

  it('warns when an explanation names a kind the engine does not compute, and stays sound', async () => {
    const { code, stdout } = await lessons(['--check', dir]);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `${join(dir, 'self-made/quiz.yaml')}: warning: item 'what-kind': the explanation calls it a server certificate, but the engine computes 'root CA' from req-x509.pem; fix the text or make the fixture match (an openssl req -x509 certificate is a CA)`,
      'pack is sound: 1 lesson, 1 page, 1 quiz item (1 warning: see above)',
      '',
    ]);
  });

  it('warns when an explanation contradicts the purpose the engine computes, and not on a right one', async () => {
    // leaf/server.pem: EKU serverAuth only, so clientAuth is "no" and OpenSSL's "SSL client" row No.
    const pack = join(packs, 'wrong-purpose');
    const { code, stdout } = await lessons(['--check', pack]);
    expect(code).toBe(0);
    const file = join(pack, 'server-only/quiz.yaml');
    expect(stdout.split('\n')).toEqual([
      `${file}: warning: item 'says-yes': the explanation opens with 'yes' but the answer computed from builtin:leaf/server.pem is 'no'; fix the text or the fixture`,
      `${file}: warning: item 'quotes-yes': the explanation quotes OpenSSL's "SSL client : Yes", but for builtin:leaf/server.pem that row is "No"; fix the text or the fixture`,
      'pack is sound: 1 lesson, 1 page, 3 quiz items (2 warnings: see above)',
      '',
    ]);
  });

  it('--explain prints each computed answer beside its item and fixture', async () => {
    const { code, stdout } = await lessons(['--check', '--explain', dir]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `${join(dir, 'self-made/quiz.yaml')}: item 'what-kind': req-x509.pem -> root CA`,
    );
    const good = await lessons(['--check', '--explain', join(packs, 'good')]);
    expect(good.stdout).toContain(
      `${join(packs, 'good', 'first-look/quiz.yaml')}: item 'keyspec-exchange': client-keyex.pfx -> AT_KEYEXCHANGE`,
    );
    expect(good.stdout).toContain(`item 'root-role': chain.pem#1 -> root CA`);
    expect(good.stdout.trimEnd().split('\n').at(-1)).toBe('pack is sound: 2 lessons, 4 pages, 13 quiz items');
  });

  it('warns when the pack clock lies outside a fixture validity, unless the item is about validity', async () => {
    // stale-clock: clock 2040-01-01; its certificate (openssl req -x509 -days 3650) ends 2036-12-02.
    const stale = join(packs, 'stale-clock');
    const { code, stdout } = await lessons(['--check', stale]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /quiz\.yaml: warning: item 'what-kind': req-x509\.pem is expired at the pack's clock 2040-01-01T00:00:00\.000Z \(valid 2026-12-05T01:17:06\.000Z to 2036-12-02T01:17:06\.000Z\); move the clock/,
    );
    // 'still-good' asks about validity (its answer is "expired"): no warning for it.
    expect(stdout).not.toContain('still-good');
    expect(lines[1]).toBe('pack is sound: 1 lesson, 1 page, 2 quiz items (1 warning: see above)');
  });

  it('finds no kind warning in the built-in course, and refuses --explain without --check', async () => {
    const { stdout } = await lessons(['--check']);
    expect(stdout).not.toContain('warning');
    await expect(lessons(['--explain'])).rejects.toThrow(UsageError);
  });
});

describe('cert-tutor lessons --check on sound packs', () => {
  it('exits 0 with one line of totals for a sound pack', async () => {
    const { code, stdout } = await lessons(['--check', join(packs, 'good')]);
    expect(code).toBe(0);
    expect(stdout).toBe('pack is sound: 2 lessons, 4 pages, 13 quiz items\n');
  });

  it('checks the built-in course when no folder is given, and finds it sound', async () => {
    const { code, stdout } = await lessons(['--check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^pack is sound: 11 lessons, \d+ pages, \d+ quiz items\n$/);
  });
});

describe('cert-tutor lessons', () => {
  it('lists each lesson with its number, id, title, pages and quiz items', async () => {
    const { code, stdout, stderr } = await lessons(['--lessons', join(packs, 'good')]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      'A small test pack (version 2027.1.0)',
      '',
      ' 1. first-look     A first look  (3 pages, 9 quiz items)',
      ' 2. authored-only  Authored questions  (1 page, 4 quiz items)',
      '',
      '2 lessons, 4 pages, 13 quiz items',
      '',
    ]);
  });

  it('still lists a pack with problems, and says on stderr how to see them', async () => {
    const dir = join(packs, 'broken');
    const { code, stdout, stderr } = await lessons(['--lessons', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(' 1. main ');
    expect(stderr).toMatch(
      new RegExp(`^cert-tutor: this pack has \\d+ problems .*; run: cert-tutor lessons --check ${dir}\n$`),
    );
  });

  it('refuses a folder that is not a pack with one line naming it', async () => {
    await expect(lessons(['--lessons', join(packs, 'no-such-pack')])).rejects.toThrow(CertTutorError);
    await expect(lessons(['--lessons', join(packs, 'no-such-pack')])).rejects.toThrow(/is not a folder/);
  });

  it('refuses a folder argument without --check, and unknown options', async () => {
    await expect(lessons([join(packs, 'good')])).rejects.toThrow(UsageError);
    await expect(lessons(['--frobnicate'])).rejects.toThrow(UsageError);
  });
});

describe('cert-tutor lessons --check on the order of choices', () => {
  /** A one-lesson pack whose typed items list a right answer first (`pinned`: one item says order: fixed). */
  function answerFirstPack(pinned: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-order-'));
    writeFileSync(
      join(dir, 'course.yaml'),
      'format: 1\ntitle: Order\nversion: 1.0.0\nclock: 2027-01-01T00:00:00Z\nwelcome: Hi.\nclosing: Bye.\nlessons:\n  - one\n',
    );
    const lesson = join(dir, 'one');
    mkdirSync(lesson);
    writeFileSync(join(lesson, 'lesson.md'), '---\ntitle: One\nsummary: One page.\n---\n# One\n\nA page.\n');
    const item = (id: string, fixed = false) =>
      `  - id: ${id}\n    kind: choice\n    prompt: Pick a.\n    choices: [a, b, c]\n    answer: a\n    hint: h.\n    explanation: e.\n${fixed ? '    order: fixed\n' : ''}`;
    writeFileSync(join(lesson, 'quiz.yaml'), `items:\n${item('q1')}${item('q2')}${item('q3', pinned)}`);
    return dir;
  }

  it('warns, and still passes, when most typed items put the answer first and nothing is pinned', async () => {
    const dir = answerFirstPack(false);
    try {
      const { code, stdout } = await lessons(['--check', dir]);
      expect(code).toBe(0);
      expect(stdout).toContain(
        `${join(dir, 'course.yaml')}:1: warning: 3 of 3 items with typed choices put a right answer first and no item sets 'order: fixed'`,
      );
      expect(stdout).toContain('pack is sound: 1 lesson, 1 page, 3 quiz items');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not warn once the pack pins an item with order: fixed', async () => {
    const dir = answerFirstPack(true);
    try {
      const { code, stdout } = await lessons(['--check', dir]);
      expect(code).toBe(0);
      expect(stdout).toBe('pack is sound: 1 lesson, 1 page, 3 quiz items\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
