import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/report.js';
import { capturedContext } from './command-context.js';

function capture() {
  const c = capturedContext();
  return { ctx: c.ctx, text: () => ({ stdout: c.stdout(), stderr: c.stderr() }) };
}

const item = (id: string, lessonId: string, correct: boolean) => ({
  id,
  lessonId,
  source: 'authored',
  prompt: `Question ${id}?`,
  given: [correct ? 'yes' : 'no'],
  expected: ['yes'],
  correct,
  hinted: false,
  timeMs: 1000,
});

function results(name: string, seed: string, answers: [string, string, boolean][], seconds: number) {
  return {
    format: 'cert-tutor-quiz-results',
    formatVersion: 1,
    name,
    seed,
    courseTitle: 'PKI course',
    courseVersion: '2026.11.1',
    lesson: null,
    startedAt: '2026-11-26T12:00:00.000Z',
    endedAt: new Date(Date.parse('2026-11-26T12:00:00Z') + seconds * 1000).toISOString(),
    questions: answers.length,
    items: answers.map(([id, l, c]) => item(id, l, c)),
  };
}

function classFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-report-'));
  // Alice: 3 of 4 right; Bob: 1 of 4 right. Item q2 (chains) nobody got right; q1 everybody.
  const alice = results(
    'Alice',
    '7',
    [
      ['q1', 'basics', true],
      ['q2', 'chains', false],
      ['q3', 'chains', true],
      ['q4', 'keys', true],
    ],
    125,
  );
  const bob = results(
    'Bob',
    '7',
    [
      ['q1', 'basics', true],
      ['q2', 'chains', false],
      ['q3', 'chains', false],
      ['q4', 'keys', false],
    ],
    61,
  );
  const files = [join(dir, 'alice.json'), join(dir, 'bob.json'), join(dir, 'carol.json')];
  writeFileSync(files[0]!, JSON.stringify(alice));
  writeFileSync(files[1]!, JSON.stringify(bob));
  writeFileSync(files[2]!, '{"format": "cert-tutor-quiz-results", "formatVersion": 1, "name": "Carol"'); // cut short
  return { dir, files };
}

describe('cert-tutor report', () => {
  it('summarises a class, names the malformed file on stderr, skips it and exits 1', async () => {
    const { files } = classFolder();
    const { ctx, text } = capture();
    expect(await run(files, ctx)).toBe(1);
    const { stdout, stderr } = text();
    expect(stderr).toContain(`skipped ${files[2]}`);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain('seed 7');
    expect(stdout).toContain('2 students');
    expect(stdout).toMatch(/Alice\s+3\/4\s+75%\s+2m 05s/);
    expect(stdout).toMatch(/Bob\s+1\/4\s+25%\s+1m 01s/);
    // Hardest first: q2 (0%), then q3 and q4 (50%), then q1 (100%).
    const order = ['chains/q2', 'chains/q3', 'keys/q4', 'basics/q1'].map((k) => stdout.indexOf(k));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // chains: 1 right of 4 (25%); keys: 1 of 2 (50%); basics 2 of 2 is fine.
    const revisit = stdout.slice(stdout.indexOf('Lessons to revisit'));
    expect(revisit).toMatch(/ {2}chains: 25% right, 1\/4/);
    expect(revisit).toMatch(/ {2}keys: 50% right, 1\/2/);
    expect(revisit).not.toContain('basics');
  });

  it('names the lessons to revisit by the titles the results files carry', async () => {
    const { dir } = classFolder();
    const titled = {
      ...results('Carol', '7', [['q2', 'chains', false]], 30),
      lessonTitles: { chains: 'Lesson 4, Self-signed roots and chains' },
    };
    const file = join(dir, 'carol.json');
    writeFileSync(file, JSON.stringify(titled));
    const { ctx, text } = capture();
    expect(await run([file], ctx)).toBe(0);
    expect(text().stdout).toContain('  Lesson 4, Self-signed roots and chains (chains): 0% right, 0/1');
  });

  it('writes the same summary as CSV rows with a header', async () => {
    const { files } = classFolder();
    const { ctx, text } = capture();
    expect(await run([...files, '--csv'], ctx)).toBe(1);
    const rows = text().stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('seed,course_version,record,key,lesson,correct,total,percent,seconds,questions');
    expect(rows).toContain('7,2026.11.1,student,Alice,,3,4,75,125,4');
    expect(rows).toContain('7,2026.11.1,student,Bob,,1,4,25,61,4');
    expect(rows).toContain('7,2026.11.1,item,q2,chains,0,2,0,,');
    expect(rows).toContain('7,2026.11.1,item,q1,basics,2,2,100,,');
    expect(rows).toContain('7,2026.11.1,revisit,chains,chains,1,4,25,,');
    expect(rows).toHaveLength(1 + 2 + 4 + 2);
    expect(text().stderr).toContain('carol.json');
  });

  it('keeps quizzes with different seeds apart instead of mixing them', async () => {
    const { dir, files } = classFolder();
    const other = join(dir, 'dave.json');
    writeFileSync(other, JSON.stringify(results('Dave', '8', [['q1', 'basics', false]], 10)));
    const { ctx, text } = capture();
    expect(await run([files[0]!, files[1]!, other, '--csv'], ctx)).toBe(0);
    const rows = text().stdout.trimEnd().split('\r\n');
    expect(rows).toContain('7,2026.11.1,item,q1,basics,2,2,100,,');
    expect(rows).toContain('8,2026.11.1,item,q1,basics,0,1,0,,');
  });

  it('marks a quiz stopped early incomplete and scores it over the answered questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-report-'));
    // 10 questions, 9 answered, 4 of them right: the student's screen said "4 of 9".
    const answers = Array.from({ length: 9 }, (_, i): [string, string, boolean] => [
      `q${i}`,
      'basics',
      i < 4,
    ]);
    const file = join(dir, 'erin.json');
    writeFileSync(file, JSON.stringify({ ...results('Erin', '7', answers, 30), questions: 10 }));
    const { ctx, text } = capture();
    expect(await run([file], ctx)).toBe(0);
    expect(text().stdout).toMatch(/Erin\s+4\/9\s+44\.4%\s+30s\s+incomplete: stopped after 9 of 10/);
    expect(text().stdout).not.toContain('4/10');
    const csv = capture();
    await run([file, '--csv'], csv.ctx);
    expect(csv.text().stdout.split('\r\n')).toContain('7,2026.11.1,student,Erin,,4,9,44.4,30,10');
  });

  it('counts an item repeated 1,000 times once, and never more answers than the quiz had', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-report-'));
    const repeated = Array.from({ length: 1000 }, (): [string, string, boolean] => ['q1', 'basics', true]);
    const stuffed = join(dir, 'mallory.json');
    const r = results('Mallory', '7', [...repeated, ['q2', 'basics', false], ['q3', 'keys', true]], 10);
    writeFileSync(stuffed, JSON.stringify({ ...r, questions: 2 }));
    const honest = join(dir, 'ann.json');
    writeFileSync(
      honest,
      JSON.stringify(
        results(
          'Ann',
          '7',
          [
            ['q1', 'basics', false],
            ['q2', 'basics', true],
          ],
          10,
        ),
      ),
    );
    const { ctx, text } = capture();
    expect(await run([stuffed, honest, '--csv'], ctx)).toBe(0);
    const rows = text().stdout.split('\r\n');
    // Mallory: q1 right once, q2 wrong; q3 is beyond the quiz's 2 questions.
    expect(rows).toContain('7,2026.11.1,student,Mallory,,1,2,50,10,2');
    expect(rows).toContain('7,2026.11.1,item,q1,basics,1,2,50,,');
    expect(rows).toContain('7,2026.11.1,item,q2,basics,1,2,50,,');
    expect(rows.some((row) => row.includes(',q3,'))).toBe(false);
  });

  it('neutralises CSV cells a spreadsheet would run as formulas, keeping numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-report-'));
    const names = ['=HYPERLINK("http://x.test","y")', '+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    const files = names.map((name, i) => {
      const f = join(dir, `s${i}.json`);
      writeFileSync(f, JSON.stringify(results(name, '7', [['=cmd', '@lesson', true]], 5)));
      return f;
    });
    const { ctx, text } = capture();
    expect(await run([...files, '--csv'], ctx)).toBe(0);
    const out = text().stdout;
    expect(out).toContain(`,student,"'=HYPERLINK(""http://x.test"",""y"")",,1,1,100,5,1\r\n`);
    expect(out).toContain(",student,'+1,,");
    expect(out).toContain(",student,'-2+3,,");
    expect(out).toContain(",student,'@SUM(A1),,");
    expect(out).toContain(",student,'\tTab,,");
    expect(out).toContain(',student,"\'\rCR",,');
    expect(out).toContain(",item,'=cmd,'@lesson,6,6,100,,");
    // No cell (between commas, or after a quote that opens a quoted cell) begins with a formula character.
    for (const row of out.split('\r\n'))
      for (const cell of row.split(',')) expect(cell).not.toMatch(/^"?[=+@-]/);
  });

  it('names a missing file, reports the rest and exits 1', async () => {
    const { dir, files } = classFolder();
    const missing = join(dir, 'nobody.json');
    const { ctx, text } = capture();
    expect(await run([files[0]!, missing], ctx)).toBe(1);
    expect(text().stderr).toBe(
      `cert-tutor: skipped ${missing}: there is no such file (check the name and folder)\n`,
    );
    expect(text().stdout).toMatch(/Alice\s+3\/4/);
    expect(text().stdout).toContain('1 file skipped');
  });

  it('draws the share right of each question as a bar, in ASCII when the locale is not UTF-8', async () => {
    const { files } = classFolder();
    const uni = capture();
    uni.ctx.env = { TERM: 'xterm-256color', LANG: 'en_GB.UTF-8' };
    await run([files[0]!, files[1]!], uni.ctx);
    // q3: 1 of 2 right is 50%, five of ten cells.
    expect(uni.text().stdout).toMatch(/█████░░░░░\s+50%\s+1\/2\s+chains\/q3/);
    expect(uni.text().stdout).toMatch(/░{10}\s+0%\s+0\/2\s+chains\/q2/);
    const ascii = capture();
    ascii.ctx.env = { LANG: 'C' };
    await run([files[0]!, files[1]!], ascii.ctx);
    expect(ascii.text().stdout).toMatch(/#{10}\s+100%\s+2\/2\s+basics\/q1/);
    expect(ascii.text().stdout).not.toMatch(/[█░]/);
  });

  it('fails with one line when no file can be read', async () => {
    const { files } = classFolder();
    const { ctx } = capture();
    await expect(run([files[2]!], ctx)).rejects.toThrow(/no readable results file/);
  });
});
