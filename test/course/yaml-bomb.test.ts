import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseError, checkPack, loadCourse } from '../../src/course/index.js';

const good = join(import.meta.dirname, '..', 'fixtures-packs', 'good');
const now = new Date('2027-01-01T00:00:00Z');

// "Billion laughs": nine levels of nine aliases each, 9^9 (387 million) strings once expanded.
// Line 1 is `a: &a "lol"`; the first alias is on line 2.
function bomb(prefix: string[]): string {
  const lines = [...prefix, 'a0: &a0 "lol"'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ct-yaml-bomb-'));
  cpSync(good, tmp, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('a YAML alias bomb', () => {
  it('in quiz.yaml is a file:line problem at the first alias, found in bounded time', async () => {
    writeFileSync(join(tmp, 'first-look', 'quiz.yaml'), bomb(['# a hostile quiz']));
    const start = Date.now();
    const problems = await checkPack(tmp, { now });
    expect(Date.now() - start).toBeLessThan(20_000); // generous guard: expanding it takes minutes and GBs
    expect(problems).toContainEqual({
      file: 'first-look/quiz.yaml',
      line: 3,
      message: expect.stringMatching(
        /^YAML aliases expand too far \(more than 100 copies\); write the values out/,
      ),
    });
  });

  it('in course.yaml makes the pack unusable with one file:line line, not an internal error', async () => {
    writeFileSync(join(tmp, 'course.yaml'), bomb(['format: 1']));
    const err = await loadCourse(tmp, { now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourseError);
    expect((err as Error).message).toMatch(/course\.yaml:3: YAML aliases expand too far/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a few ordinary aliases still work', async () => {
    const quiz = [
      'items:',
      '  - id: cert-file',
      '    kind: has-private-key',
      '    fixture: server.pem',
      '    prompt: &q Does this file carry a private key?',
      '    answer: no',
      '    hint: &h Read the PEM label.',
      '    explanation: It holds a CERTIFICATE block only.',
      '  - id: key-file',
      '    kind: has-private-key',
      '    fixture: client.key',
      '    prompt: *q',
      '    hint: *h',
      '    explanation: The label says PRIVATE KEY.',
      '',
    ].join('\n');
    writeFileSync(join(tmp, 'first-look', 'quiz.yaml'), quiz);
    const course = await loadCourse(tmp, { now });
    const items = course.lessons.find((l) => l.id === 'first-look')!.quiz;
    expect(items.map((i) => i.prompt)).toEqual([
      'Does this file carry a private key?',
      'Does this file carry a private key?',
    ]);
  });
});
