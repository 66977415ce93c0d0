import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCourseYaml } from '../../src/course/course-yaml.js';
import { resolveFixtureRef } from '../../src/course/fixture-ref.js';
import { checkPack, loadCourse } from '../../src/course/index.js';
import { parseLessonMarkdown } from '../../src/course/lesson-md.js';
import { parseQuizYaml } from '../../src/course/quiz-yaml.js';
import { lessonsDir } from '../../src/paths.js';

// The lesson ids of docs/syllabus.md, in its order. Progress is keyed by them: they never change.
const SYLLABUS_IDS = [
  'what-is-a-certificate',
  'server-vs-client',
  'eku-and-key-usage',
  'self-signed-and-chains',
  'private-keys-and-files',
  'keyspec',
  'windows-and-iis',
  'todays-web-pki',
  'final-exam',
];

const dir = lessonsDir();
const manifest = parseCourseYaml(readFileSync(join(dir, 'course.yaml'), 'utf8')).manifest;
const ids = manifest?.lessons.map((l) => l.id) ?? [];

describe('the built-in course', () => {
  it('lists the nine syllabus lessons in order, at the lesson clock 2026-11-26 12:00 UTC', () => {
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
      expect(ref, 'the built-in course uses builtin: fixtures').toMatch(/^builtin:/);
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
