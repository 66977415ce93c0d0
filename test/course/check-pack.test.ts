import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/course/index.js';
import type { Problem } from '../../src/course/types.js';

const packs = join(import.meta.dirname, '..', 'fixtures-packs');
const broken = join(packs, 'broken');

// One case per kind of problem the checker must catch, at the exact file:line of the broken pack.
const CASES: [string, string, RegExp][] = [
  ['an unknown lesson id (no folder)', 'course.yaml:12', /lesson 'ghost-lesson' has no folder/],
  ['a duplicate lesson id', 'course.yaml:13', /lesson id 'main' is listed twice/],
  ['a malformed lesson id', 'course.yaml:14', /lesson id 'Bad_Id' is not valid/],
  ['a folder not listed in course.yaml', 'course.yaml:7', /folder 'stray' is not listed in lessons/],
  ['a missing lesson.md', 'no-lesson-md/lesson.md:1', /lesson.md is missing/],
  ['an empty lesson.md', 'empty-lesson/lesson.md:1', /lesson.md is empty/],
  ['a missing fixture in a page', 'main/lesson.md:9', /fixture 'missing.pem' does not exist/],
  ['a page fixture path leaving the pack', 'main/lesson.md:11', /leaves the pack's fixtures\/ folder/],
  ['a page fixture that does not parse', 'main/lesson.md:13', /fixture 'garbage.pem' does not parse/],
  ['an unknown highlight field', 'main/lesson.md:15', /cannot highlight 'subjectName'/],
  ['an empty page', 'main/lesson.md:17', /page is empty/],
  ['an item without a hint', 'main/quiz.yaml:2', /item 'no-hint' has no hint; add 'hint:'/],
  ['an item without an explanation', 'main/quiz.yaml:9', /item 'no-explanation' has no explanation/],
  ['an unknown item kind', 'main/quiz.yaml:17', /unknown kind 'true-false'/],
  ['a missing item fixture', 'main/quiz.yaml:25', /fixture 'nowhere.pem' does not exist/],
  ['an item fixture that does not parse', 'main/quiz.yaml:32', /fixture 'garbage.pem' does not parse/],
  ['an item fixture path leaving the pack', 'main/quiz.yaml:39', /leaves the pack's fixtures\/ folder/],
  ['a duplicate item id', 'main/quiz.yaml:53', /item id 'no-hint' is used twice/],
  [
    'a typed answer the certificate contradicts',
    'main/quiz.yaml:49',
    /answer 'client' disagrees with the certificate: the engine computes 'server'/,
  ],
  ['an answer that is not a choice', 'main/quiz.yaml:65', /right answer 'c' is not one of the choices/],
  ['a misspelt item key', 'main/quiz.yaml:74', /unknown key 'hints'; did you mean 'hint'\?/],
  [
    'a computed kind without a fixture',
    'main/quiz.yaml:79',
    /a classify item computes its answer from a certificate; add 'fixture:'/,
  ],
  ['an answerFrom the engine does not compute', 'main/quiz.yaml:87', /answerFrom 'colour' is not a property/],
  [
    'a #N beyond the certificates of the file',
    'main/quiz.yaml:94',
    /has no certificate #3 \(it holds one, #0\)/,
  ],
  ['a wrong: entry naming the right answer', 'main/quiz.yaml:106', /wrong: 'a' is a right answer/],
  ['two answers to a single-answer item', 'main/quiz.yaml:113', /exactly one right answer/],
  ['a YAML syntax error', 'bad-yaml/quiz.yaml:5', /^YAML syntax error: .*quotes/],
];

const where = (p: Problem) => `${p.file}:${p.line}`;

describe('checkPack on a broken pack', () => {
  it.each(CASES)('reports %s at %s', async (_what, at, message) => {
    const problems = await checkPack(broken);
    const here = problems.filter((p) => where(p) === at);
    expect(here.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
  });

  it('finds nothing wrong with a sound cert marker', async () => {
    const problems = await checkPack(broken);
    expect(problems.filter((p) => where(p) === 'main/lesson.md:7')).toEqual([]);
  });

  it('lists problems in file order: course.yaml first, then each lesson in course order', async () => {
    const files = (await checkPack(broken)).map((p) => p.file);
    const firstOf = (f: string) => files.indexOf(f);
    expect(firstOf('course.yaml')).toBe(0);
    expect(firstOf('main/lesson.md')).toBeLessThan(firstOf('main/quiz.yaml'));
    expect(firstOf('main/quiz.yaml')).toBeLessThan(firstOf('bad-yaml/quiz.yaml'));
    expect(firstOf('bad-yaml/quiz.yaml')).toBeLessThan(firstOf('empty-lesson/lesson.md'));
  });

  it('says what to do in every message', async () => {
    for (const p of await checkPack(broken)) expect(p.message).toMatch(/;/);
  });
});

describe('checkPack on a folder that is not a pack', () => {
  it('reports a missing course.yaml', async () => {
    expect(await checkPack(join(packs, 'good', 'fixtures'))).toEqual([
      { file: 'course.yaml', line: 1, message: expect.stringMatching(/no course.yaml/) },
    ]);
  });

  it('reports a folder that does not exist', async () => {
    expect(await checkPack(join(packs, 'no-such-pack'))).toEqual([
      { file: 'course.yaml', line: 1, message: expect.stringMatching(/is not a folder/) },
    ]);
  });
});
