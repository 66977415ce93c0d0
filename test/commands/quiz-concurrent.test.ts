import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { buildQuiz } from '../../src/course/generate-quiz.js';
import { loadCourse, type QuizItem } from '../../src/course/index.js';
import { lessonsDir } from '../../src/paths.js';
import { loadProgress } from '../../src/progress/store.js';
import { ensureBuilt, runBinary } from './built-binary.js';

const SEEDS = ['one', 'two', 'three'];
const COUNT = 34;
let quizzes: QuizItem[][];
const home = mkdtempSync(join(tmpdir(), 'ct-three-quizzes-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

beforeAll(async () => {
  ensureBuilt();
  const course = await loadCourse(lessonsDir(), { now: new Date('2026-11-26T12:00:00Z') });
  const generated = generateItems(
    await loadFixtureFiles(course),
    course.lessons.map((l) => l.id),
  );
  quizzes = SEEDS.map((seed) => buildQuiz({ course, generated, seed, count: COUNT }));
});

/** The first choice for every question: right or wrong, each is one recorded answer. */
const answers = (items: QuizItem[]) => `${items.map(() => '1').join('\n')}\n`;

describe('three cert-tutor quiz --plain at once (the built binary, one progress file)', () => {
  it('keeps every one of the 102 answers', async () => {
    const runs = await Promise.all(
      SEEDS.map((seed, i) =>
        runBinary(['quiz', '--plain', '--seed', seed, '--count', String(COUNT)], answers(quizzes[i]!), {
          CERT_TUTOR_HOME: home,
        }),
      ),
    );
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Score: \\d+ of ${COUNT} right`));
      // The only thing a quiz may say on stderr is that another window saves progress too.
      expect(r.stderr).toMatch(/^(cert-tutor: another cert-tutor window is saving progress too; .*\n)?$/);
    }
    // How many times each item was asked across the three quizzes: each time is one attempt.
    const asked = new Map<string, number>();
    for (const q of quizzes)
      for (const it of q)
        asked.set(`${it.lessonId}/${it.id}`, (asked.get(`${it.lessonId}/${it.id}`) ?? 0) + 1);
    const { doc } = loadProgress(home);
    // A quiz answer feeds review scheduling (it does not mark a lesson started). When two windows
    // answer the same item, the newer review card wins the merge, so each item asked has a card
    // with at least one review, and no lesson is touched.
    for (const key of asked.keys()) expect(doc.review[key]?.reps ?? 0, key).toBeGreaterThanOrEqual(1);
    expect(Object.keys(doc.lessons)).toEqual([]);
    expect(Object.keys(doc.review).sort()).toEqual([...asked.keys()].sort());
    expect(readdirSync(home).sort()).toEqual(['progress.json']);
  }, 120_000);
});
