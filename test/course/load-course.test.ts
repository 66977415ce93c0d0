import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CourseError, checkPack, loadCourse } from '../../src/course/index.js';
import type { Course } from '../../src/course/types.js';

const packs = join(import.meta.dirname, '..', 'fixtures-packs');
const good = join(packs, 'good');
const fixture = (name: string) => join(good, 'fixtures', name);

const item = (course: Course, lessonId: string, id: string) => {
  const found = course.lessons.find((l) => l.id === lessonId)?.quiz.find((q) => q.id === id);
  if (!found) throw new Error(`no item ${lessonId}/${id}`);
  return found;
};

/** OpenSSL's own verdict for one `-purpose` row: the oracle for `openssl.<row>` answers. */
function opensslPurpose(file: string, row: string): string {
  const out = execFileSync('openssl', ['x509', '-noout', '-purpose', '-in', file], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith(`${row} :`));
  return line?.includes(': Yes') ? 'yes' : 'no';
}

describe('loadCourse on a sound pack', () => {
  it('is sound according to the checker', async () => {
    expect(await checkPack(good)).toEqual([]);
  });

  it('reads the manifest, numbers the lessons and splits the pages', async () => {
    const course = await loadCourse(good);
    expect(course).toMatchObject({
      format: 1,
      title: 'A small test pack',
      version: '2027.1.0',
      clock: '2027-01-01T00:00:00.000Z',
      welcome: 'Welcome to the test pack.',
      closing: 'You finished the test pack.',
      dir: good,
      problems: [],
    });
    expect(course.lessons.map((l) => [l.number, l.id, l.title, l.pages.length])).toEqual([
      [1, 'first-look', 'A first look', 3],
      [2, 'authored-only', 'Authored questions', 1],
    ]);
    const root = course.lessons[0]?.pages[1];
    expect(root?.title).toBe('The root');
    expect(root?.blocks[1]).toEqual({
      type: 'cert',
      ref: 'chain.pem#1',
      path: fixture('chain.pem'),
      index: 1,
      highlight: ['basicConstraints', 'keyUsage'],
    });
    expect(course.lessons[0]?.pages[2]?.title).toBe('Equivalent commands');
  });

  it('computes classify answers from the certificate, with deterministic default choices', async () => {
    const course = await loadCourse(good);
    const server = item(course, 'first-look', 'classify-server');
    expect(server.answer).toEqual(['server']);
    expect(server.choices).toEqual(['server', 'client', 'server+client', 'unrestricted']);
    expect(server.fixture).toEqual({ ref: 'server.pem', path: fixture('server.pem'), index: 0 });
    expect(server.source).toBe('authored');
    const again = await loadCourse(good);
    expect(item(again, 'first-look', 'classify-server').choices).toEqual(server.choices);
  });

  it('keeps a typed answer that agrees with the certificate, and the authored choices', async () => {
    const client = item(await loadCourse(good), 'first-look', 'classify-client-typed');
    expect(client.answer).toEqual(['client']);
    expect(client.choices).toEqual(['server', 'client', 'e-mail']);
    expect(client.wrong).toEqual({ server: 'It has no serverAuth.' });
  });

  it('answers has-private-key with yes or no from the file', async () => {
    const course = await loadCourse(good);
    expect(item(course, 'first-look', 'key-file')).toMatchObject({ answer: ['yes'], choices: ['yes', 'no'] });
    expect(item(course, 'first-look', 'cert-file')).toMatchObject({ answer: ['no'], choices: ['yes', 'no'] });
  });

  it('answers keyspec from the PFX opened with its password', async () => {
    const course = await loadCourse(good);
    // Made with `openssl pkcs12 -export -keyex` and `-keysig` (docs/pki-rules.md §3.3: 0x10 and 0x80).
    const keyex = item(course, 'first-look', 'keyspec-exchange');
    expect(keyex.answer).toEqual(['AT_KEYEXCHANGE']);
    expect(keyex.fixture?.password).toBe('cert-tutor');
    expect(keyex.choices).toEqual(['AT_KEYEXCHANGE', 'AT_SIGNATURE', 'not recorded']);
    expect(item(course, 'first-look', 'keyspec-signature').answer).toEqual(['AT_SIGNATURE']);
  });

  it('answers purposes, OpenSSL rows and roles as the certificate and OpenSSL say', async () => {
    const course = await loadCourse(good);
    expect(item(course, 'first-look', 'server-for-client-auth').answer).toEqual(['no']);
    expect(item(course, 'first-look', 'openssl-ssl-server').answer).toEqual([
      opensslPurpose(fixture('server.pem'), 'SSL server'),
    ]);
    const root = item(course, 'first-look', 'root-role');
    expect(root.answer).toEqual(['root CA']);
    expect(root.fixture?.index).toBe(1);
  });

  it('keeps authored answers, turning a YAML boolean into yes or no, and offers yes/no when no choices are given', async () => {
    const course = await loadCourse(good);
    expect(item(course, 'authored-only', 'inside-a-certificate').answer).toEqual([
      'the subject',
      'the public key',
    ]);
    expect(item(course, 'authored-only', 'yes-no-typed').answer).toEqual(['no']);
    expect(item(course, 'authored-only', 'yes-no-default-choices')).toMatchObject({
      answer: ['yes'],
      choices: ['yes', 'no'],
    });
  });
});

describe('loadCourse on a pack with problems', () => {
  it('leaves out the items and lessons with problems and lists every problem', async () => {
    const course = await loadCourse(join(packs, 'broken'));
    expect(course.lessons.map((l) => l.id)).toEqual(['main', 'bad-yaml']);
    expect(course.lessons[0]?.quiz.map((q) => q.id)).toEqual([]);
    expect(course.problems).toEqual(await checkPack(join(packs, 'broken')));
  });

  it('throws a one-line CourseError for a folder that is not a pack', async () => {
    const dir = join(good, 'fixtures');
    const err = await loadCourse(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourseError);
    expect((err as Error).message).toBe(
      `${dir} is not a lesson pack: it has no course.yaml (see lessons/README.md)`,
    );
  });
});

describe('loadCourse on a pack with no usable lesson', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cert-tutor-empty-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('throws a CourseError naming the first problem, how many more, and the check command', async () => {
    writeFileSync(
      join(tmp, 'course.yaml'),
      'format: 1\ntitle: T\nversion: 1\nwelcome: Hi\nclosing: Bye\nlessons: [a, b]\n',
    );
    const err = await loadCourse(tmp).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourseError);
    expect((err as Error).message).toBe(
      `${join(tmp, 'course.yaml')}:6: lesson 'a' has no folder; create a/ with a lesson.md, or remove the id (and 1 more problem); run: cert-tutor lessons --check ${tmp}`,
    );
  });
});

describe('the lesson clock', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cert-tutor-pack-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('judges fixtures at the now option when course.yaml sets no clock', async () => {
    cpSync(good, tmp, { recursive: true });
    writeFileSync(
      join(tmp, 'course.yaml'),
      'format: 1\ntitle: T\nversion: 1\nwelcome: Hi\nclosing: Bye\nlessons: [first-look]\n',
    );
    writeFileSync(
      join(tmp, 'first-look', 'quiz.yaml'),
      [
        'items:',
        '  - id: status',
        '    kind: field',
        '    fixture: server.pem',
        '    answerFrom: validity.status',
        '    prompt: Valid?',
        '    hint: Dates.',
        '    explanation: notAfter.',
      ].join('\n'),
    );
    const notAfter = new Date(
      execFileSync('openssl', ['x509', '-noout', '-enddate', '-in', fixture('server.pem')], {
        encoding: 'utf8',
      })
        .trim()
        .replace('notAfter=', ''),
    );
    const later = new Date(notAfter.getTime() + 86_400_000);
    const before = await loadCourse(tmp, { now: new Date(notAfter.getTime() - 86_400_000) });
    const after = await loadCourse(tmp, { now: later });
    expect(before.lessons[0]?.quiz[0]?.answer).toEqual(['valid']);
    expect(after.lessons[0]?.quiz[0]?.answer).toEqual(['expired']);
    expect(after.clock).toBe(later.toISOString());
  });
});
