import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-args.js';
import { run } from '../../src/commands/progress.js';
import { recordPage, recordQuiz } from '../../src/progress/record.js';
import { loadProgress, saveProgress } from '../../src/progress/store.js';
import { emptyProgress } from '../../src/progress/types.js';
import { scriptedContext } from './command-context.js';

// The built-in course's lesson clock: 2026-11-26 noon UTC.
const now = new Date('2026-11-26T12:00:00Z');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ct-progress-cmd-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const withSomeProgress = () =>
  saveProgress(
    home,
    recordPage(recordQuiz(emptyProgress(), 'what-is-a-certificate', 7, 9, now), 'server-vs-client', 2),
  );

describe('cert-tutor progress', () => {
  it('prints each lesson with its status, and the totals', async () => {
    withSomeProgress();
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await run([], s.ctx)).toBe(0);
    expect(s.stdout()).toContain(join(home, 'progress.json'));
    expect(s.stdout()).toMatch(/1\. What is a certificate\?\s+done, quiz 7 of 9/);
    expect(s.stdout()).toMatch(/2\. .*in progress, page 3 of \d+/);
    expect(s.stdout()).toMatch(/1 of \d+ lessons done/);
  });

  it('prints the same as JSON with --json', async () => {
    withSomeProgress();
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await run(['--json'], s.ctx)).toBe(0);
    const out = JSON.parse(s.stdout());
    expect(out.lessonsDone).toBe(1);
    expect(out.lastLesson).toBe('server-vs-client');
    expect(out.lessons[0]).toMatchObject({
      id: 'what-is-a-certificate',
      status: 'done',
      quiz: { score: 7, total: 9 },
    });
    expect(out.lessons[1]).toMatchObject({ id: 'server-vs-client', status: 'in progress', page: 3 });
  });

  it('refuses --reset without a terminal and without --yes (exit 2), leaving the file alone', async () => {
    withSomeProgress();
    const before = readFileSync(join(home, 'progress.json'), 'utf8');
    const s = scriptedContext('y\n', now, { CERT_TUTOR_HOME: home });
    expect(await run(['--reset'], s.ctx)).toBe(2);
    expect(s.stderr()).toMatch(/--yes/);
    expect(readFileSync(join(home, 'progress.json'), 'utf8')).toBe(before);
  });

  it('resets with --reset --yes', async () => {
    withSomeProgress();
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await run(['--reset', '--yes'], s.ctx)).toBe(0);
    expect(loadProgress(home).doc).toEqual(emptyProgress());
  });

  it('says in one line that a corrupt file was moved aside', async () => {
    writeFileSync(join(home, 'progress.json'), 'not json');
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await run([], s.ctx)).toBe(0);
    expect(s.stderr().trim().split('\n')).toHaveLength(1);
    expect(s.stderr()).toContain('progress.json.corrupt');
    expect(existsSync(join(home, 'progress.json.corrupt'))).toBe(true);
  });

  it('rejects --yes without --reset as a usage error', async () => {
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    await expect(run(['--yes'], s.ctx)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('a progress file with damaged parts', () => {
  const damaged = () =>
    writeFileSync(
      join(home, 'progress.json'),
      JSON.stringify({
        format: 1,
        lessons: { 'server-vs-client': { page: 99, pagesSeen: 100, done: false, answers: {} } },
        review: { 'server-vs-client/a': null, 'server-vs-client/b': { due: 'garbage' } },
      }),
    );

  it('progress: no internal error; the damaged review entries are named once, the original kept', async () => {
    damaged();
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await run([], s.ctx)).toBe(0);
    expect(s.stderr()).toBe(
      `cert-tutor: Your progress file had 2 damaged entries (review card server-vs-client/a (value: Invalid input: expected object, received null), ...); left them out and kept the original as ${join(home, 'progress.json.damaged')}.\n`,
    );
    expect(s.stdout()).not.toContain('garbage');
    // A page beyond the lesson is shown as the lesson's last page, not as "page 100 of 9".
    expect(s.stdout()).toMatch(/2\. .*in progress, page (\d+) of \1\b/);
    const again = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await run([], again.ctx)).toBe(0);
    expect(again.stderr()).toBe('');
  });

  it('review: no internal error, the damaged entries are left out', async () => {
    damaged();
    const { run: review } = await import('../../src/commands/review.js');
    const s = scriptedContext('', now, { CERT_TUTOR_HOME: home });
    expect(await review([], s.ctx)).toBe(0);
    expect(s.stderr()).toMatch(/^cert-tutor: Your progress file had 2 damaged entries .*\n$/);
    expect(s.stdout()).toContain('Nothing to review yet');
    expect(s.stdout()).not.toMatch(/garbage|internal error/);
  });
});
