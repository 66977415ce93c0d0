import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/index.js';
import type { Course, QuizItem } from '../../src/course/types.js';
import { lessonsDir } from '../../src/paths.js';
import { BINARY, e2eSessions, requireBinary, type Terminal, until } from './tmux.js';

let course: Course;
const { newHome, open } = e2eSessions();

beforeAll(async () => {
  requireBinary();
  course = await loadCourse(lessonsDir());
});
const progressOf = (home: string) => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The number a choice is shown with (choices are shuffled): read from the screen, by its first words. */
const number = (t: Terminal, choice: string) => {
  const screen = t.screen();
  const n = screen.match(new RegExp(`(\\d)\\. ${escapeRe(choice.slice(0, 30))}`))?.[1];
  if (!n) throw new Error(`choice '${choice}' not on screen:\n${screen}`);
  return n;
};

/** Reads lesson 1 from its first page to its quiz, waiting for each page to paint. */
async function readToQuiz(t: Terminal, pages: number): Promise<void> {
  await t.waitFor('lessons done', 'the home screen');
  t.keys('Enter');
  await t.waitFor(`page 1/${pages}`);
  for (let p = 2; p <= pages; p++) await t.pressUntil('Right', `page ${p}/${pages}`, `page ${p}`);
  await t.pressUntil('Enter', 'question 1 of', 'the quiz');
}

describe('the course in a real terminal (tmux, built binary)', () => {
  it('reads a lesson to its quiz, answers one right and one wrong, quits with q, and resumes there', async () => {
    const lesson = course.lessons[0]!;
    const [first, second] = lesson.quiz as [QuizItem, QuizItem];
    const home = newHome();
    const t = open('flow', home);
    await readToQuiz(t, lesson.pages.length);

    for (const a of first.answer) t.type(number(t, a));
    t.keys('Enter');
    await t.waitFor('Right.', 'the first answer to be right');
    t.keys('Enter');
    await t.waitFor('question 2 of');
    const wrong = second.choices.find((c) => !second.answer.includes(c))!;
    t.type(number(t, wrong));
    t.keys('Enter');
    await t.waitFor('Not quite', 'the second answer to be wrong');

    t.type('q');
    await t.waitFor('[exited 0]', 'the app to exit');
    expect(t.screen()).not.toContain('lessons done');
    expect(t.cursorVisible()).toBe(true);
    const saved = progressOf(home);
    expect(saved.lessons[lesson.id].answers[first.id]).toMatchObject({ correct: true, attempts: 1 });
    expect(saved.lessons[lesson.id].answers[second.id]).toMatchObject({ correct: false, attempts: 1 });
    t.close();

    const again = open('flow2', home);
    const s = await again.waitFor(
      /quiz: 2 of \d+ answered/,
      'the returning home screen with the full course',
    );
    expect(s).toMatch(
      new RegExp(
        `${lesson.title.replace(/[?.]/g, '\\$&')}.*quiz: 2 of ${lesson.quiz.length} answered.*continue here`,
      ),
    );
    // Opening the lesson goes straight back to the quiz, after the answered items.
    again.keys('Enter');
    await again.waitFor(
      `question 1 of ${lesson.quiz.length - 2}`,
      'the quiz to resume after the answered items',
    );
    expect(again.screen()).toContain(`score 1/${lesson.quiz.length}`);
  });

  it('re-flows on resize, says when the terminal is too small, and recovers', async () => {
    const t = open('resize', newHome());
    await t.waitFor('lessons done');
    t.keys('Enter');
    await t.waitFor('page 1/');
    t.resize(60, 15);
    const small = await t.waitFor(
      (s) => s.split('\n').filter((l) => l.trim()).length <= 15 && s.includes('page 1/'),
      'a 60x15 frame',
    );
    for (const line of small.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    t.resize(50, 12);
    await t.waitFor('terminal too small (need 60x15)');
    t.resize(90, 24);
    await t.waitFor('page 1/', 'the lesson again');
    t.type('q');
    await t.waitFor('[exited 0]');
  });

  it('keeps progress intact after kill -9 in the middle of use', async () => {
    const home = newHome();
    const t = open('kill', home);
    await t.waitFor('lessons done');
    t.keys('Enter');
    await t.waitFor('page 1/');
    t.keys('Right');
    await t.waitFor('page 2/');
    await until(
      () =>
        existsSync(join(home, 'progress.json')) &&
        progressOf(home).lessons[course.lessons[0]!.id]?.page === 1,
      'page 2 to be saved',
    );
    // Keys still arriving while the process dies: the file must be the old or the new one, never half.
    t.type('llll');
    spawnSync('kill', ['-9', String(t.appPid())]);
    await t.waitFor('[exited 137]');
    const saved = progressOf(home);
    expect(saved.format).toBe(1);
    expect(saved.lessons[course.lessons[0]!.id].page).toBeGreaterThanOrEqual(1);
    t.close();

    const again = open('kill2', home);
    const s = await again.waitFor('Welcome back');
    expect(s).not.toContain('moved it to');
    expect(s).toMatch(/page \d+ of \d+.*continue here/);
  });

  it('moves a corrupt progress file aside with a one-line notice and starts afresh', async () => {
    const home = newHome();
    writeFileSync(join(home, 'progress.json'), '{"format":1,"lessons":');
    const t = open('corrupt', home);
    const s = await t.waitFor('moved it to');
    expect(s).toContain('progress.json.corrupt');
    expect(readFileSync(join(home, 'progress.json.corrupt'), 'utf8')).toBe('{"format":1,"lessons":');
    t.keys('C-c');
    await t.waitFor('[exited 0]', 'Ctrl+C to quit');
    expect(t.cursorVisible()).toBe(true);
  });

  it('paints every frame on a terminal even when CI is set in the environment', async () => {
    const t = open('ci', newHome(), { env: { CI: 'true' } });
    await t.waitFor('lessons done', 'the home screen while CI=true');
    t.keys('Enter');
    await t.waitFor('page 1/', 'a second frame');
  });

  it('stays readable without colour (NO_COLOR) and without Unicode (TERM=dumb)', async () => {
    const t = open('plain-look', newHome(), { env: { NO_COLOR: '1', TERM: 'dumb' } });
    await t.waitFor('lessons done');
    // Page 3 of lesson 1 shows a certificate card with marked fields.
    t.keys('Enter');
    await t.waitFor('page 1/');
    t.keys('Right', 'Right');
    const s = await t.waitFor('Issued to:', 'a page with a certificate card');
    expect(s).toMatch(/^\|\s+\* /m);
    // The lesson text may quote a "§"; the UI's own symbols and box drawing must all be ASCII.
    expect(s).not.toMatch(/[❯★│─┌└●✔✘◯◉═↑↓→←]/);
    // No colour codes (SGR 30-37, 38, 90-97 foregrounds) on screen.
    expect(t.screen(true)).not.toMatch(/\u001B\[[0-9;]*(3[0-8]|9[0-7])m/);
  });

  it('TERM=dumb alone (no NO_COLOR) sends no colour and draws in ASCII', async () => {
    const t = open('dumb', newHome(), { env: { TERM: 'dumb' } });
    await t.waitFor('lessons done');
    t.keys('Enter');
    await t.waitFor('page 1/');
    t.keys('Right', 'Right');
    const s = await t.waitFor('Issued to:', 'a page with a certificate card');
    expect(s, s).not.toMatch(/[❯★│─┌└●✔✘◯◉═↑↓→←]/);
    expect(t.screen(true)).not.toMatch(/\u001B\[[0-9;]*(3[0-8]|9[0-7])m/);
  });

  it('keys typed while the course starts reach the screen they were typed for, Enter included', async () => {
    // Typed at once, before the first frame (and before raw mode: the terminal turns Enter into a
    // line feed then): Enter opens lesson 1, and ? shows the keys of the lesson, not of home.
    const t = open('typed-ahead', newHome());
    t.keys('Enter', '?');
    await t.waitFor('Keys on this screen (lesson)', "the lesson's help");
  });

  it('opens a lesson directly by number', async () => {
    const t = open('direct', newHome(), { args: ['learn', '2'] });
    await t.waitFor(`Lesson 2: ${course.lessons[1]!.title}`);
  });

  it('asks before resetting progress in a terminal, and resets on y', async () => {
    const home = newHome();
    writeFileSync(
      join(home, 'progress.json'),
      JSON.stringify({ format: 1, lessons: {}, review: {}, lastLesson: 'keyspec' }),
    );
    const t = open('reset', home, { args: ['progress', '--reset'] });
    await t.waitFor('[y/N]', 'the confirmation question');
    t.type('y');
    t.keys('Enter');
    await t.waitFor('Progress reset');
    await t.waitFor('[exited 0]');
    expect(progressOf(home).lastLesson).toBeUndefined();
  });

  it('refuses to start the TUI without a terminal and points to the line mode (exit 2)', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CERT_TUTOR_HOME: newHome() };
    delete env.CI;
    const r = spawnSync('node', [BINARY], { encoding: 'utf8', env, input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--plain');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
