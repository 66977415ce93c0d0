import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Course, Lesson } from '../course/types.js';
import { lessonsDir, packageRoot } from '../paths.js';

/** Inlined by the bundler (scripts/build.mjs): the built-in course's outline as JSON; undefined from source. */
declare const __CERT_TUTOR_OUTLINE__: string | undefined;

/**
 * The outline of the built-in course, made once at build time with the parsers below: the texts it
 * was read from (by SHA-256, '' for a missing one; paths relative to the pack) and the outline, its absolute paths written
 * relative to the package root (ROOT_MARK), its clock empty when course.yaml gives none.
 */
export interface OutlineSnapshot {
  sources: Record<string, string>;
  course: Course;
}

const ROOT_MARK = '<cert-tutor-root>/';

const readText = (path: string) => readFile(path, 'utf8').catch(() => undefined);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The course without its quizzes, read with the course engine's own parsers (imported here, so
 * yaml and zod stay out of the first frame when the snapshot applies), plus the texts it came from.
 */
async function parseOutline(
  packDir: string,
): Promise<{ course: Course; texts: Map<string, string | undefined> } | null> {
  const [{ parseCourseYaml }, { parseLessonMarkdown }] = await Promise.all([
    import('../course/course-yaml.js'),
    import('../course/lesson-md.js'),
  ]);
  const texts = new Map<string, string | undefined>();
  const text = await readText(join(packDir, 'course.yaml'));
  if (text === undefined) return null;
  texts.set('course.yaml', text);
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
    texts.set(`${id}/lesson.md`, md);
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
    clock: manifest.clock ?? '',
    welcome: manifest.welcome,
    closing: manifest.closing,
    dir: packDir,
    lessons,
    problems: [],
  };
  return { course, texts };
}

/** Reads a snapshot, its paths made absolute under `root`. */
const readSnapshot = (json: string, root: string): OutlineSnapshot =>
  JSON.parse(json, (_key, v) =>
    typeof v === 'string' && v.startsWith(ROOT_MARK) ? join(root, v.slice(ROOT_MARK.length)) : v,
  );

/** The built-in course's outline, when its texts are still those the snapshot was made from. */
async function fromSnapshot(json: string): Promise<Course | null> {
  const { sources, course } = readSnapshot(json, packageRoot());
  const same = await Promise.all(
    Object.entries(sources).map(async ([rel, hash]) => {
      const text = await readText(join(course.dir, rel));
      return (text === undefined ? '' : sha256(text)) === hash;
    }),
  );
  return same.every(Boolean) ? course : null;
}

/**
 * The course without its quizzes: what the first frame needs (titles, pages), read with the course
 * engine's own parsers but without the certificate engine, so the home screen paints before the
 * fixtures are checked and the quizzes read and answered (loadCourse, run after the first frame).
 * For the built-in course, the build's snapshot stands in for the parsers while lessons/ is unchanged.
 * Returns null when the pack is not plainly usable: loadCourse then runs first and says why.
 */
export async function loadOutline(
  dir: string,
  now: Date,
  snapshot: string | undefined = typeof __CERT_TUTOR_OUTLINE__ === 'string'
    ? __CERT_TUTOR_OUTLINE__
    : undefined,
): Promise<Course | null> {
  const packDir = resolve(dir);
  const course =
    (snapshot && packDir === lessonsDir() ? await fromSnapshot(snapshot) : null) ??
    (await parseOutline(packDir))?.course;
  if (!course) return null;
  course.clock ||= now.toISOString();
  return course;
}

/**
 * Makes the snapshot of the built-in course as JSON (run by the build): null when the pack is not
 * plainly usable, or when JSON would not carry the outline exactly (the parsers then run at each start).
 */
export async function makeOutlineSnapshot(): Promise<string | null> {
  const parsed = await parseOutline(lessonsDir());
  if (!parsed) return null;
  const root = packageRoot();
  const sources: Record<string, string> = {};
  for (const [rel, text] of parsed.texts) sources[rel] = text === undefined ? '' : sha256(text);
  const json = JSON.stringify({ sources, course: parsed.course }, (_key, v) => {
    if (typeof v !== 'string' || !isAbsolute(v)) return v;
    const rel = relative(root, v);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return v;
    return ROOT_MARK + rel.split(sep).join('/');
  });
  return isDeepStrictEqual(readSnapshot(json, root).course, parsed.course) ? json : null;
}
