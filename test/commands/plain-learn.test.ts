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
    expect(s.stdout()).toMatch(/[ >] Issued to \(subject\): /);
    expect(s.stdout()).toMatch(/[ >] Extended Key Usage: /);
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
