import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseCourseYaml } from '../../src/course/course-yaml.js';
import { resolveFixtureRef } from '../../src/course/fixture-ref.js';
import { checkPack, loadCourse } from '../../src/course/index.js';
import { parseLessonMarkdown } from '../../src/course/lesson-md.js';
import { parseQuizYaml } from '../../src/course/quiz-yaml.js';
import { lessonsDir } from '../../src/paths.js';
import { CERT_KINDS } from '../../src/pki/types.js';

// The lesson ids of lessons/course.yaml, in its order. Progress is keyed by them: they never change.
const SYLLABUS_IDS = [
  'what-is-a-certificate',
  'server-vs-client',
  'eku-and-key-usage',
  'self-signed-and-chains',
  'revocation-and-transparency',
  'private-keys-and-files',
  'keyspec',
  'windows-and-iis',
  'mtls-in-practice',
  'todays-web-pki',
  'final-exam',
];

const dir = lessonsDir();
const manifest = parseCourseYaml(readFileSync(join(dir, 'course.yaml'), 'utf8')).manifest;
const ids = manifest?.lessons.map((l) => l.id) ?? [];

describe('the built-in course', () => {
  it('lists the eleven lessons in order, at the lesson clock 2026-11-26 12:00 UTC', () => {
    expect(ids).toEqual(SYLLABUS_IDS);
    expect(manifest?.format).toBe(1);
    expect(manifest?.clock).toBe('2026-11-26T12:00:00.000Z');
  });

  it.each(SYLLABUS_IDS)('has a folder for %s with lesson.md, quiz.yaml and notes.md', (id) => {
    for (const f of ['lesson.md', 'quiz.yaml', 'notes.md'])
      expect(existsSync(join(dir, id, f)), `${id}/${f}`).toBe(true);
  });

  it.each(SYLLABUS_IDS)('names only fixtures that exist, in %s', (id) => {
    const refs: string[] = [];
    const md = parseLessonMarkdown(readFileSync(join(dir, id, 'lesson.md'), 'utf8'), dir);
    refs.push(...md.certs.map((c) => c.block.ref));
    const quiz = parseQuizYaml(readFileSync(join(dir, id, 'quiz.yaml'), 'utf8'));
    refs.push(...quiz.items.flatMap((i) => (i.fixture ? [i.fixture] : [])));
    for (const ref of refs) {
      // The teaching fixtures (builtin:), or the course's own ones in lessons/fixtures/ (the CRLs).
      expect(ref, 'builtin: or a file of lessons/fixtures').toMatch(/^(builtin:|revocation\/)/);
      const resolved = resolveFixtureRef(ref, dir);
      expect(resolved, ref).toHaveProperty('path');
      if ('path' in resolved) expect(existsSync(resolved.path), ref).toBe(true);
    }
  });

  it('passes the checker with no problem, so a wrong answer key cannot ship', async () => {
    const problems = await checkPack(dir);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('loads every lesson, each with pages, at least six quiz items and an equivalent-commands page last', async () => {
    const course = await loadCourse(dir);
    expect(course.title).toBe('cert-tutor: how certificates really work');
    expect(course.lessons.map((l) => l.id)).toEqual(SYLLABUS_IDS);
    for (const lesson of course.lessons) {
      expect(lesson.title, lesson.id).not.toBe('');
      expect(lesson.summary, lesson.id).not.toBe('');
      expect(lesson.quiz.length, lesson.id).toBeGreaterThanOrEqual(6);
      expect(lesson.pages.at(-1)?.title, lesson.id).toMatch(/equivalent commands/i);
    }
  });
});

describe('the checker on a copy of the built-in course with one answer key made wrong', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cert-tutor-course-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports exactly that item, at its answer line', async () => {
    cpSync(dir, tmp, { recursive: true });
    const course = await loadCourse(dir);
    const target = course.lessons.flatMap((l) => l.quiz).find((q) => q.kind === 'classify');
    if (!target) throw new Error('the course has no classify item');
    const wrongKind = CERT_KINDS.find((k) => k !== target.answer[0]) ?? '';
    const file = join(tmp, target.lessonId, 'quiz.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const items = doc.toJS().items as { id: string }[];
    const i = items.findIndex((it) => it.id === target.id);
    doc.setIn(['items', i, 'answer'], wrongKind);
    writeFileSync(file, doc.toString());
    const problems = await checkPack(tmp);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(`${target.lessonId}/quiz.yaml`);
    const lines = doc.toString().split('\n');
    const idLine = lines.findIndex((l) => l.trim() === `- id: ${target.id}`);
    const answerLine = lines.findIndex((l, n) => n > idLine && l.trim() === `answer: ${wrongKind}`) + 1;
    expect(problems[0]?.line).toBe(answerLine);
    expect(problems[0]?.message).toContain(`answer '${wrongKind}' disagrees with the certificate`);
  });
});
