/**
 * A lesson pack written to attack the terminal: escape sequences that retitle the terminal (OSC 0)
 * and clear the screen (CSI 2J), colour codes and a right-to-left override in the course title, a
 * lesson title and a page's Markdown. In the TUI (a real terminal) and in the line mode they are
 * shown as text (`\x1b`, `\u202e`); the screen is not cleared and the terminal keeps its title.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY, e2eSessions, requireBinary } from './tmux.js';

const { newHome, open } = e2eSessions();
const dir = mkdtempSync(join(tmpdir(), 'ct-evil-pack-'));
const pack = join(dir, 'evil');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  requireBinary();
  cpSync(join(import.meta.dirname, '..', 'fixtures-packs', 'good'), pack, { recursive: true });
  const course = join(pack, 'course.yaml');
  writeFileSync(
    course,
    readFileSync(course, 'utf8').replace(/^title: .*$/m, 'title: "Evil \\e]0;PWNED\\a pack \\u202e gnp.exe"'),
  );
  const lesson = join(pack, 'first-look', 'lesson.md');
  const md = readFileSync(lesson, 'utf8')
    .replace(/^title: .*$/m, 'title: "Look \\e[2J here"')
    // The first page's first paragraph, after its heading.
    .replace(/^(# .*\n)/m, `$1\nBody with \u001B]0;OWNED\u0007 and \u001B[31mred\u001B[0m and \u202Eevil.\n`);
  writeFileSync(lesson, md);
});

describe('a hostile lesson pack', () => {
  it('the TUI shows its control characters as text and the terminal keeps its title', async () => {
    const t = open('evil', newHome(), { args: ['--lessons', pack] });
    const home = await t.waitFor('pack', 'the home screen');
    expect(home).toContain('Evil \\x1b]0;PWNED\\x07 pack \\u202e gnp.exe');
    expect(home).toContain('Look \\x1b[2J here');
    t.keys('Enter');
    const page = await t.waitFor('Body with', 'the first page');
    expect(page).toContain('Body with \\x1b]0;OWNED\\x07 and \\x1b[31mred\\x1b[0m and \\u202eevil.');
    expect(page).toContain('page 1/');
    expect(t.title()).not.toMatch(/PWNED|OWNED/);
  });

  it('the line mode shows them as text too', () => {
    const r = spawnSync(process.execPath, [BINARY, 'learn', '1', '--plain', '--lessons', pack], {
      input: 'q\n',
      encoding: 'utf8',
      env: { ...process.env, CERT_TUTOR_HOME: newHome() },
    });
    expect(r.stdout).not.toMatch(/[\u001B\u0007\u202E]/);
    expect(r.stdout).toContain('Body with \\x1b]0;OWNED\\x07 and \\x1b[31mred\\x1b[0m and \\u202eevil.');
  });
});
