import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { buildQuiz } from '../../src/course/generate-quiz.js';
import { loadCourse, type QuizItem } from '../../src/course/index.js';
import { readResultsFile } from '../../src/course/results-file.js';
import { lessonsDir } from '../../src/paths.js';
import { ensureBuilt, runBinary } from './built-binary.js';

let items: QuizItem[];
let courseVersion: string;

/** What to type for a right (or a deliberately wrong) answer to `item`. */
function typed(item: QuizItem, right: boolean): string {
  const numbers = item.choices.map((c, i) => ({ c, n: i + 1 }));
  if (right)
    return numbers
      .filter((x) => item.answer.includes(x.c))
      .map((x) => x.n)
      .join(' ');
  return String(numbers.find((x) => !item.answer.includes(x.c))!.n);
}

beforeAll(async () => {
  ensureBuilt();
  // The quiz the binary will ask for seed 7, drawn in-process to know each right choice's number.
  const course = await loadCourse(lessonsDir(), { now: new Date('2026-11-26T12:00:00Z') });
  courseVersion = course.version;
  const generated = generateItems(
    await loadFixtureFiles(course),
    course.lessons.map((l) => l.id),
  );
  items = buildQuiz({ course, generated, seed: '7', count: 5 });
});

describe('cert-tutor quiz --plain (the built binary, answers piped in)', () => {
  it('scores a scripted quiz, writes the results file and saves progress and the review schedule', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    mkdirSync(join(home, 'out'));
    const report = join(home, 'out', 'alice.json');
    const pattern = [true, false, true, true, false];
    // A hint before the first answer: still right, so it is rated Hard rather than Good.
    const input = ['h', ...items.map((it, i) => typed(it, pattern[i]!))].join('\n');
    const r = await runBinary(
      ['quiz', '--plain', '--seed', '7', '--count', '5', '--name', 'Alice', '--report', report],
      `${input}\n`,
      { CERT_TUTOR_HOME: home, COLUMNS: '80' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Score: 3 of 5 right (60%)');
    expect(r.stdout).toContain('Time taken:');
    expect(r.stdout).toMatch(/Revisit lesson \d+, /);
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour, no cursor movement
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    const results = readResultsFile(report);
    expect(results.name).toBe('Alice');
    expect(results.seed).toBe('7');
    expect(results.courseVersion).toBe(courseVersion);
    expect(results.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(results.items.map((i) => i.correct)).toEqual(pattern);
    expect(results.items[0]!.hinted).toBe(true);
    // Each lesson the items come from is named as the course names it, for the class report.
    expect(Object.keys(results.lessonTitles ?? {}).sort()).toEqual(
      [...new Set(items.map((i) => i.lessonId))].sort(),
    );
    for (const [id, title] of Object.entries(results.lessonTitles ?? {}))
      expect(title, id).toMatch(/^Lesson \d+, .+/);
    expect(Date.parse(results.endedAt)).toBeGreaterThanOrEqual(Date.parse(results.startedAt));

    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(Object.keys(progress.review).sort()).toEqual(items.map((i) => `${i.lessonId}/${i.id}`).sort());
    // A practice quiz feeds the review schedule only: no lesson looks started.
    expect(progress.lessons).toEqual({});
  });

  it('asks the same questions in the same order for the same seed', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const a = await runBinary(['quiz', '--plain', '--seed', '7', '--count', '5'], '', {
      CERT_TUTOR_HOME: home,
    });
    const b = await runBinary(['quiz', '--plain', '--seed', '7', '--count', '5'], '', {
      CERT_TUTOR_HOME: home,
    });
    const untimed = (s: string) => s.replace(/Time taken: .*/, '');
    expect(untimed(a.stdout)).toBe(untimed(b.stdout));
    expect(a.stdout).toContain(items[0]!.prompt.slice(0, 40));
  });

  it('stops cleanly at the end of input, with the answers so far saved', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const report = join(home, 'bob.json');
    const input = `${typed(items[0]!, true)}\n${typed(items[1]!, true)}\n`;
    const r = await runBinary(['quiz', '--plain', '--seed', '7', '--count', '5', '--report', report], input, {
      CERT_TUTOR_HOME: home,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Stopped after 2 of 5 questions; your progress is saved.');
    expect(r.stdout).toContain('Score: 2 of 2 right');
    expect(readResultsFile(report).items).toHaveLength(2);
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(Object.keys(progress.review)).toHaveLength(2);
  });

  it('refuses a results file it could not write before the first question, in one line', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    // A regular file stands where the results folder should be.
    const blocker = join(home, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const r = await runBinary(
      ['quiz', '--plain', '--seed', '7', '--count', '5', '--report', join(blocker, 'alice.json')],
      `${typed(items[0]!, true)}\n`,
      { CERT_TUTOR_HOME: home },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `cert-tutor: cannot write the results file ${join(blocker, 'alice.json')}: the folder ${blocker} does not exist (create it first, or give another path)\n`,
    );
    expect(r.stdout).not.toContain('Question 1');
    expect(existsSync(join(home, 'progress.json'))).toBe(false);
  });

  it('will not overwrite a file that is not a results file (nor create a folder), and says so in one line', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const essay = join(home, 'essay.json');
    writeFileSync(essay, '{"my": "homework"}');
    const r = await runBinary(['quiz', '--plain', '--seed', '7', '--count', '5', '--report', essay], 'q\n', {
      CERT_TUTOR_HOME: home,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `cert-tutor: will not overwrite ${essay}: it exists and is something else, not a cert-tutor results file; give another file name\n`,
    );
    expect(readFileSync(essay, 'utf8')).toBe('{"my": "homework"}');
    const nested = join(home, 'new', 'alice.json');
    const n = await runBinary(['quiz', '--plain', '--seed', '7', '--count', '5', '--report', nested], 'q\n', {
      CERT_TUTOR_HOME: home,
    });
    expect(n.code).toBe(1);
    expect(existsSync(join(home, 'new'))).toBe(false);
  });

  it('stops on q and refuses a bad --count with one line', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const q = await runBinary(['quiz', '--plain', '--seed', '7', '--count', '5'], 'q\n', {
      CERT_TUTOR_HOME: home,
    });
    expect(q.code).toBe(0);
    expect(q.stdout).toContain('Stopped after 0 of 5 questions');
    const bad = await runBinary(['quiz', '--count', 'ten'], '', { CERT_TUTOR_HOME: home });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--count');
  });
});
