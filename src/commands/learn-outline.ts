import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCourseYaml } from '../course/course-yaml.js';
import { parseLessonMarkdown } from '../course/lesson-md.js';
import type { Course, Lesson } from '../course/types.js';

const readText = (path: string) => readFile(path, 'utf8').catch(() => undefined);

/**
 * The course without its quizzes: what the first frame needs (titles, pages), read with the course
 * engine's own parsers but without the certificate engine, so the home screen paints before the
 * fixtures are checked and the quizzes read and answered (loadCourse, run after the first frame).
 * Returns null when the pack is not plainly usable: loadCourse then runs first and says why.
 */
export async function loadOutline(dir: string, now: Date): Promise<Course | null> {
  const packDir = resolve(dir);
  const text = await readText(join(packDir, 'course.yaml'));
  if (text === undefined) return null;
  const { manifest } = parseCourseYaml(text);
  if (!manifest) return null;
  const lessons: Lesson[] = [];
  const read = await Promise.all(
    manifest.lessons.map(async ({ id }) => ({
      id,
      md: await readText(join(packDir, id, 'lesson.md')),
    })),
  );
  for (const { id, md } of read) {
    if (md === undefined) continue;
    const parsed = parseLessonMarkdown(md, packDir);
    if (parsed.pages.length === 0) continue;
    const dirOf = join(packDir, id);
    lessons.push({
      id,
      number: lessons.length + 1,
      title: parsed.title,
      summary: parsed.summary,
      pages: parsed.pages,
      quiz: [],
      dir: dirOf,
    });
  }
  if (lessons.length === 0) return null;
  const course: Course = {
    format: manifest.format,
    title: manifest.title,
    version: manifest.version,
    clock: manifest.clock ?? now.toISOString(),
    welcome: manifest.welcome,
    closing: manifest.closing,
    dir: packDir,
    lessons,
    problems: [],
  };
  return course;
}
