import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPlainLearn } from '../../src/commands/plain-learn.js';
import { loadCourse } from '../../src/course/index.js';
import { lessonsDir } from '../../src/paths.js';
import { ensureBuilt, runBinary } from './built-binary.js';
import { scriptedContext } from './command-context.js';

const T0 = new Date('2026-11-26T12:00:00Z');

describe('the line-mode course', () => {
  it('shows the lesson menu, reads pages on Enter and saves the page reached when input ends', async () => {
    const course = await loadCourse(lessonsDir(), { now: T0 });
    const first = course.lessons[0]!;
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    // Enter opens lesson 1, then two Enters: page 3 of lesson 1 is on screen when input ends.
    const s = scriptedContext('\n\n\n', T0, { CERT_TUTOR_HOME: home, COLUMNS: '60' });
    expect(await runPlainLearn(s.ctx)).toBe(0);
    const out = s.stdout();
    for (const l of course.lessons) expect(out).toContain(`${l.number}. ${l.title}`);
    expect(out).toContain(`Lesson 1: ${first.title}, page 3 of ${first.pages.length}`);
    expect(out).not.toMatch(/\u001b/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    const doc = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(doc.lessons[first.id].page).toBe(2);
    expect(doc.lastLesson).toBe(first.id);

    // The next session offers to carry on where the learner left off.
    const again = scriptedContext('\nq\n', T0, { CERT_TUTOR_HOME: home });
    expect(await runPlainLearn(again.ctx)).toBe(0);
    expect(again.stdout()).toContain(`(at page 3 of ${first.pages.length})`);
    expect(again.stdout()).toContain(`Lesson 1: ${first.title}, page 3 of`);
  });

  it('prints the certificates a page shows as labelled lines', async () => {
    const course = await loadCourse(lessonsDir(), { now: T0 });
    const lesson = course.lessons.find((l) => l.pages.some((p) => p.blocks.some((b) => b.type === 'cert')))!;
    const page = lesson.pages.findIndex((p) => p.blocks.some((b) => b.type === 'cert'));
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const s = scriptedContext(`${lesson.number}\n${'\n'.repeat(page)}q\n`, T0, { CERT_TUTOR_HOME: home });
    expect(await runPlainLearn(s.ctx)).toBe(0);
    expect(s.stdout()).toMatch(/[ >] Subject: /);
    expect(s.stdout()).toMatch(/[ >] Extended Key Usage \(2\.5\.29\.37\): /);
  });
});

describe('a lab offered by a lesson page, in the line mode', () => {
  it('runs the lab on t with real handshakes (2r: choice 2, predicted refused), then goes back to the page on b', async () => {
    const course = await loadCourse(lessonsDir(), { now: T0 });
    const lesson = course.lessons.find((l) => l.pages.some((p) => p.blocks.some((b) => b.type === 'lab')))!;
    const page = lesson.pages.findIndex((p) => p.blocks.some((b) => b.type === 'lab'));
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    // Open the lesson, Enter to the lab's page, t, run choice 2, back to the page, stop.
    const input = `${lesson.number}\n${'\n'.repeat(page)}t\n2r\nb\nq\n`;
    const s = scriptedContext(input, T0, { CERT_TUTOR_HOME: home });
    expect(await runPlainLearn(s.ctx)).toBe(0);
    const out = s.stdout();
    expect(out).toContain('TLS lab: Client certificates (mutual TLS)');
    expect(out).toContain('t: run the lab');
    expect(out).toContain('Result: REFUSED');
    expect(out).toContain('You predicted REFUSED: right.');
    expect(out).toContain('unsuitable certificate purpose');
    // After b, the same page is printed again.
    const header = `Lesson ${lesson.number}: ${lesson.title}, page ${page + 1} of`;
    expect(out.split(header).length - 1).toBe(2);
  });
});

describe('cert-tutor --plain (the built binary)', () => {
  beforeAll(() => ensureBuilt());

  it('reads the course from piped input and stops cleanly at q, progress saved', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const r = await runBinary(['--plain'], '\n\nq\n', { CERT_TUTOR_HOME: home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('page 2 of');
    expect(r.stdout).toContain('Your progress is saved.');
    const doc = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(Object.values(doc.lessons).some((l) => (l as { page: number }).page === 1)).toBe(true);
  });
});

describe('a line-mode quiz stopped midway', () => {
  it('resumes at the next question, in the same order of choices, and scores the whole quiz', async () => {
    const course = await loadCourse(lessonsDir(), { now: T0 });
    const first = course.lessons[0]!;
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-home-'));
    const env = { CERT_TUTOR_HOME: home, COLUMNS: '100' };
    // Lesson 1, Enter through its pages (the last Enter starts the quiz), two answers, then stop.
    const pages = '\n'.repeat(first.pages.length);
    const s = scriptedContext(`1\n${pages}1\n1\nq\n`, T0, env);
    expect(await runPlainLearn(s.ctx)).toBe(0);
    expect(s.stdout()).toContain(`Question 2 of ${first.quiz.length}`);
    expect(s.stdout()).toContain('Stopped after 2 of');
    // The numbered choices of question 3 as the first session showed them.
    const choicesOf = (out: string) =>
      (out.split(`Question 3 of`)[1] ?? '')
        .split('\n')
        .filter((l) => /^ {2}\d+\. /.test(l))
        .slice(0, 6);
    const shown = choicesOf(s.stdout());
    expect(shown.length).toBeGreaterThan(1);
    const doc = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(doc.lessons[first.id].attempt.seed).toEqual(expect.any(String));
    expect(Object.keys(doc.lessons[first.id].answers)).toHaveLength(2);

    // Coming back: opening lesson 1 goes straight to question 3, not to page 1.
    const rest = first.quiz.length - 2;
    const again = scriptedContext(`1\n${'1\n'.repeat(rest)}q\n`, T0, env);
    expect(await runPlainLearn(again.ctx)).toBe(0);
    const out = again.stdout();
    expect(out).toContain(`resuming at question 3 of ${first.quiz.length}`);
    expect(out).toContain(`Question 3 of ${first.quiz.length}`);
    expect(out).not.toContain(`Lesson 1: ${first.title}, page 1 of`);
    expect(out).toMatch(new RegExp(`Score: \\d+ of ${rest} right`));
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(saved.lessons[first.id]).toMatchObject({ done: true, quiz: { total: first.quiz.length } });
    expect(saved.lessons[first.id].attempt).toBeUndefined();
    expect(choicesOf(out).slice(0, shown.length)).toEqual(shown);
  });
});
