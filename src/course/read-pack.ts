import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PkiError } from '../pki/errors.js';
import { MAX_TEXT_BYTES, readFileCapped } from '../pki/file-limits.js';
import { parseCourseYaml } from './course-yaml.js';
import { fixtureReader, openFixture } from './fixture-open.js';
import { parseLessonMarkdown } from './lesson-md.js';
import { badLinkMessage, badLinkOnWay } from './pack-paths.js';
import { resolveItem } from './quiz-resolve.js';
import { parseQuizYaml, type RawItem } from './quiz-yaml.js';
import type { Course, Lesson, Problem, QuizItem } from './types.js';
import type { LineProblem } from './yaml-source.js';

/** A pack, read: the course when course.yaml is usable, and every problem found, in file order. */
export interface PackReading {
  course?: Course;
  problems: Problem[];
  /** Set when the folder is no pack at all (missing, or without course.yaml): one line. */
  notAPack?: string;
}

/** Files a lesson folder may hold; a folder with any of them is a lesson (listed or not). */
const LESSON_FILES = ['lesson.md', 'quiz.yaml', 'notes.md'];

/** A pack text: its text, nothing when it does not exist, or one line saying why it cannot be read. */
async function readText(path: string): Promise<{ text?: string; error?: string }> {
  try {
    return { text: readFileCapped(path, MAX_TEXT_BYTES, 'a lesson pack file').toString('utf8') };
  } catch (e) {
    if (e instanceof PkiError && e.code === 'not-found') return {};
    return { error: `${basename(path)} ${(e as Error).message}` };
  }
}
const isDir = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
// A folder itself, not a link to one: the scan for unlisted lessons never follows links.
const isOwnDir = (path: string) =>
  lstat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** A pack file's text; a link on the way that leaves the pack (or loops) is a problem, not a read. */
async function readInPack(packDir: string, path: string): Promise<{ text?: string; error?: string }> {
  const bad = badLinkOnWay(packDir, path);
  if (bad) return { error: badLinkMessage(bad, 'the pack') };
  return readText(path);
}

/**
 * Reads a whole lesson pack (lessons/README.md): course.yaml, each listed lesson's lesson.md and
 * quiz.yaml, every fixture they show (through the certificate engine, judged at the lesson clock,
 * or `now` when the pack sets none), and computes the answers. Never throws for a bad pack: every
 * problem is returned with its file (relative to the pack) and line.
 */
export async function readPack(dir: string, now: Date = new Date()): Promise<PackReading> {
  const packDir = resolve(dir);
  const problems: Problem[] = [];
  const add = (file: string, list: LineProblem[]) => {
    for (const p of list) problems.push({ file, ...p });
  };
  const tally: OrderTally = { typed: 0, answerFirst: 0, pinned: 0 };
  if (!(await isDir(packDir))) {
    add('course.yaml', [
      { line: 1, message: `${dir} is not a folder; give the folder that holds course.yaml` },
    ]);
    return { problems, notAPack: `${dir} is not a folder; give the folder that holds course.yaml` };
  }
  const courseLink = badLinkOnWay(packDir, join(packDir, 'course.yaml'));
  if (courseLink) {
    const message = badLinkMessage(courseLink, 'the pack');
    add('course.yaml', [{ line: 0, message }]);
    return { problems, notAPack: `${join(dir, 'course.yaml')}: ${message}` };
  }
  const courseRead = await readText(join(packDir, 'course.yaml'));
  if (courseRead.error) {
    add('course.yaml', [{ line: 0, message: courseRead.error }]);
    return { problems, notAPack: `${join(dir, 'course.yaml')}: ${courseRead.error}` };
  }
  const courseText = courseRead.text;
  if (courseText === undefined) {
    add('course.yaml', [
      { line: 1, message: 'the pack has no course.yaml; write one (see lessons/README.md)' },
    ]);
    return {
      problems,
      notAPack: `${dir} is not a lesson pack: it has no course.yaml (see lessons/README.md)`,
    };
  }
  const { manifest, problems: manifestProblems } = parseCourseYaml(courseText);
  add('course.yaml', manifestProblems);
  if (!manifest) return { problems };

  const fixturesLink = badLinkOnWay(packDir, join(packDir, 'fixtures'));
  if (fixturesLink) add('fixtures', [{ line: 0, message: badLinkMessage(fixturesLink, 'the pack') }]);

  const clock = manifest.clock ?? now.toISOString();
  const inspect = fixtureReader(new Date(clock));
  const listed = new Set(manifest.lessons.map((l) => l.id));
  for (const name of (await readdir(packDir)).sort()) {
    if (listed.has(name) || name === 'fixtures' || name.startsWith('.')) continue;
    const folder = join(packDir, name);
    if (!(await isOwnDir(folder))) continue;
    const files = await readdir(folder).catch(() => [] as string[]);
    if (files.some((f) => LESSON_FILES.includes(f))) {
      add('course.yaml', [
        {
          line: manifest.lessonsLine,
          message: `folder '${name}' is not listed in lessons; add '${name}' to the list or remove the folder`,
        },
      ]);
    }
  }

  // Lessons (and the fixtures inside each) are read concurrently: opening a PFX waits on the
  // key-derivation thread pool, so the waits overlap. Problems are sorted afterwards.
  const read = await Promise.all(
    manifest.lessons.map(async ({ id, line }) => {
      const lessonDir = join(packDir, id);
      if (!(await isDir(lessonDir))) {
        add('course.yaml', [
          { line, message: `lesson '${id}' has no folder; create ${id}/ with a lesson.md, or remove the id` },
        ]);
        return undefined;
      }
      return readLesson(id, lessonDir, packDir, inspect, add, tally);
    }),
  );
  const lessons: Lesson[] = read
    .filter((l): l is Omit<Lesson, 'number'> => l !== undefined)
    .map((l, i) => ({ ...l, number: i + 1 }));

  const order = (file: string) =>
    file === 'course.yaml' ? -1 : manifest.lessons.findIndex((l) => file.startsWith(`${l.id}/`));
  problems.sort(
    (a, b) =>
      order(a.file) - order(b.file) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.message.localeCompare(b.message),
  );
  const course: Course = {
    format: manifest.format,
    title: manifest.title,
    version: manifest.version,
    clock,
    welcome: manifest.welcome,
    closing: manifest.closing,
    dir: packDir,
    lessons,
    problems,
    warnings: orderWarnings(tally),
  };
  return { course, problems };
}

async function readLesson(
  id: string,
  lessonDir: string,
  packDir: string,
  inspect: ReturnType<typeof fixtureReader>,
  add: (file: string, list: LineProblem[]) => void,
  order: OrderTally,
): Promise<Omit<Lesson, 'number'> | undefined> {
  const mdFile = `${id}/lesson.md`;
  const mdRead = await readInPack(packDir, join(lessonDir, 'lesson.md'));
  if (mdRead.error) {
    add(mdFile, [{ line: 0, message: mdRead.error }]);
    return undefined;
  }
  const md = mdRead.text;
  if (md === undefined) {
    add(mdFile, [
      { line: 1, message: 'lesson.md is missing; write the lesson pages there (see lessons/README.md)' },
    ]);
    return undefined;
  }
  const parsed = parseLessonMarkdown(md, packDir);
  add(mdFile, parsed.problems);
  await Promise.all(
    parsed.certs.map(async ({ line, block }) => {
      const opened = await openFixture(block, block.password, inspect, true);
      if ('error' in opened) add(mdFile, [{ line, message: opened.error }]);
    }),
  );

  const quiz: QuizItem[] = [];
  const quizFile = `${id}/quiz.yaml`;
  const quizRead = await readInPack(packDir, join(lessonDir, 'quiz.yaml'));
  if (quizRead.error) add(quizFile, [{ line: 0, message: quizRead.error }]);
  const quizText = quizRead.text;
  if (quizText !== undefined) {
    const { items, problems } = parseQuizYaml(quizText);
    add(quizFile, problems);
    tallyOrder(items, order);
    const resolved = await Promise.all(items.map((raw) => resolveItem(raw, id, packDir, inspect)));
    for (const r of resolved) {
      add(quizFile, r.problems);
      if (r.item) quiz.push(r.item);
    }
  }
  if (parsed.pages.length === 0) return undefined;
  return {
    id,
    title: parsed.title,
    summary: parsed.summary,
    pages: parsed.pages,
    quiz,
    dir: lessonDir,
  };
}

/** How the pack's authors ordered the choices they typed (items with `choices:` and `answer:`). */
interface OrderTally {
  typed: number;
  answerFirst: number;
  pinned: number;
}

function tallyOrder(items: RawItem[], t: OrderTally): void {
  for (const i of items) {
    if (i.order === 'fixed') t.pinned++;
    if (!i.choices || !i.answer) continue;
    t.typed++;
    if (i.answer.includes(i.choices[0]!)) t.answerFirst++;
  }
}

/**
 * Front ends shuffle every item's choices (present-question.ts), so an author may write the right
 * answer first; but a pack where most items do so and none is pinned was likely written for an
 * unshuffled order, and an item whose order matters (a scale) would then be shuffled unnoticed.
 */
function orderWarnings(t: OrderTally): Problem[] {
  if (t.pinned > 0 || t.typed < 3 || t.answerFirst * 2 <= t.typed) return [];
  return [
    {
      file: 'course.yaml',
      line: 1,
      message: `${t.answerFirst} of ${t.typed} items with typed choices put a right answer first and no item sets 'order: fixed': learners see the choices shuffled; pin an item whose order matters (a scale) with 'order: fixed'`,
    },
  ];
}
