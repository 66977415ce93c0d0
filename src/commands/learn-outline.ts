import { readFile } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { badLinkOnWay } from '../course/pack-paths.js';
import type { Course, Lesson } from '../course/types.js';
import { lessonsDir, packageRoot } from '../paths.js';

/** Inlined by the bundler (scripts/build.mjs): the built-in course's outline as JSON; undefined from source. */
declare const __CERT_TUTOR_OUTLINE__: string | undefined;

/**
 * The outline of the built-in course, made once at build time with the parsers below: the texts it
 * was read from (null for a missing file; keyed by path in the pack) and the outline, its absolute
 * paths written relative to the package root (ROOT_MARK), its clock empty when course.yaml has none.
 */
export interface OutlineSnapshot {
  sources: Record<string, string | null>;
  course: Course;
}

const ROOT_MARK = '<cert-tutor-root>/';

/** A file's text, or undefined when it cannot be read (node:fs callbacks: fs/promises costs a load). */
const readText = (path: string) =>
  new Promise<string | undefined>((done) =>
    readFile(path, 'utf8', (err, text) => done(err ? undefined : text)),
  );

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
  const text = badLinkOnWay(packDir, join(packDir, 'course.yaml'))
    ? undefined
    : await readText(join(packDir, 'course.yaml'));
  if (text === undefined) return null;
  texts.set('course.yaml', text);
  const { manifest } = parseCourseYaml(text);
  if (!manifest) return null;
  const lessons: Lesson[] = [];
  const read = await Promise.all(
    manifest.lessons.map(async ({ id }) => ({
      id,
      // A lesson.md reached through a link that leaves the pack is not read (checkPack reports it).
      md: badLinkOnWay(packDir, join(packDir, id, 'lesson.md'))
        ? undefined
        : await readText(join(packDir, id, 'lesson.md')),
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

/** Makes the snapshot's paths absolute under `root`, in place (cheaper than a JSON.parse reviver). */
function rebase(v: unknown, root: string): unknown {
  if (typeof v === 'string') return v.startsWith(ROOT_MARK) ? join(root, v.slice(ROOT_MARK.length)) : v;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = rebase(o[k], root);
  }
  return v;
}

/** Reads a snapshot, its paths made absolute under `root`. */
function readSnapshot(json: string, root: string): OutlineSnapshot {
  const snapshot: OutlineSnapshot = JSON.parse(json);
  rebase(snapshot.course, root);
  return snapshot;
}

/** The built-in course's outline, when its texts are still those the snapshot was made from. */
async function fromSnapshot(json: string): Promise<Course | null> {
  const { sources, course } = readSnapshot(json, packageRoot());
  const same = await Promise.all(
    Object.entries(sources).map(
      async ([rel, text]) => ((await readText(join(course.dir, rel))) ?? null) === text,
    ),
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
  const sources: Record<string, string | null> = {};
  for (const [rel, text] of parsed.texts) sources[rel] = text ?? null;
  const json = JSON.stringify({ sources, course: parsed.course }, (_key, v) => {
    if (typeof v !== 'string' || !isAbsolute(v)) return v;
    const rel = relative(root, v);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return v;
    return ROOT_MARK + rel.split(sep).join('/');
  });
  const { isDeepStrictEqual } = await import('node:util');
  return isDeepStrictEqual(readSnapshot(json, root).course, parsed.course) ? json : null;
}
