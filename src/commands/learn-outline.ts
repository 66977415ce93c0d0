import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCourseYaml } from '../course/course-yaml.js';
import { parseLessonMarkdown } from '../course/lesson-md.js';
import { parseQuizYaml } from '../course/quiz-yaml.js';
import type { Course, Lesson } from '../course/types.js';

/** The course without its quizzes, and how many quiz items each lesson has. */
export interface CourseOutline {
  course: Course;
  quizSizes: Record<string, number>;
}

const readText = (path: string) => readFile(path, 'utf8').catch(() => undefined);

/**
 * Reads what the first frame needs (titles, pages, quiz sizes) with the course engine's own
 * parsers but without the certificate engine, so the home screen paints before the fixtures are
 * checked and the answers computed (loadCourse, run right after the first frame). Returns null
 * when the pack is not plainly usable: then loadCourse runs first and reports the problem.
 */
export async function loadOutline(dir: string, now: Date): Promise<CourseOutline | null> {
  const packDir = resolve(dir);
  const text = await readText(join(packDir, 'course.yaml'));
  if (text === undefined) return null;
  const { manifest } = parseCourseYaml(text);
  if (!manifest) return null;
  const lessons: Lesson[] = [];
  const quizSizes: Record<string, number> = {};
  const read = await Promise.all(
    manifest.lessons.map(async ({ id }) => ({
      id,
      md: await readText(join(packDir, id, 'lesson.md')),
      quiz: await readText(join(packDir, id, 'quiz.yaml')),
    })),
  );
  for (const { id, md, quiz } of read) {
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
    quizSizes[id] = quiz === undefined ? 0 : parseQuizYaml(quiz).items.length;
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
  return { course, quizSizes };
}
