import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as lessons } from '../../src/commands/lessons.js';
import { resolveFixtureRef } from '../../src/course/fixture-ref.js';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { checkPack, loadCourse } from '../../src/course/index.js';
import { scriptedContext } from '../commands/command-context.js';

const good = join(import.meta.dirname, '..', 'fixtures-packs', 'good');
const now = new Date('2027-01-01T00:00:00Z');

let tmp: string;
let pack: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ct-pack-links-'));
  pack = join(tmp, 'pack');
  cpSync(good, pack, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Replaces the pack's fixtures/ folder with a symbolic link to `target`. */
function linkFixtures(target: string) {
  rmSync(join(pack, 'fixtures'), { recursive: true });
  symlinkSync(target, join(pack, 'fixtures'));
}

describe('a pack whose fixtures/ is a symbolic link to /', () => {
  it('is not sound: the link is named, and every reference through it is refused', async () => {
    linkFixtures('/');
    const problems = await checkPack(pack, { now });
    expect(problems).toContainEqual({
      file: 'fixtures',
      line: 0,
      message: "'fixtures' is a symbolic link that leaves the pack; copy the file into the pack instead",
    });
    expect(
      problems.filter((p) => p.message.includes("fixture path 'server.pem': 'fixtures' is a symbolic link")),
    ).not.toHaveLength(0);
  });

  it('answers the same whether the path exists outside or not (no probing the machine)', () => {
    linkFixtures('/');
    const exists = resolveFixtureRef('etc/passwd', pack);
    const missing = resolveFixtureRef('etc/no-such-file-here', pack);
    expect(exists).toEqual({
      error:
        "fixture path 'etc/passwd': 'fixtures' is a symbolic link that leaves the pack; copy the file into the pack instead",
    });
    expect(missing).toEqual({
      error:
        "fixture path 'etc/no-such-file-here': 'fixtures' is a symbolic link that leaves the pack; copy the file into the pack instead",
    });
  });

  it('lessons --check exits 1 with file:line lines and no internal error', async () => {
    linkFixtures('/');
    const s = scriptedContext('', now, {});
    expect(await lessons(['--check', pack], s.ctx)).toBe(1);
    expect(s.stdout()).toContain(
      `${join(pack, 'fixtures')}:0: 'fixtures' is a symbolic link that leaves the pack`,
    );
    expect(s.stdout()).not.toMatch(/internal error/i);
  });

  it('a fixtures/ link to another folder inside the pack is fine', async () => {
    const moved = join(pack, 'certs');
    cpSync(join(pack, 'fixtures'), moved, { recursive: true });
    linkFixtures(moved);
    expect(await checkPack(pack, { now })).toEqual([]);
  });
});

describe('links inside fixtures/ when generated questions are built', () => {
  it('never follows a link to a file or a folder outside the pack', async () => {
    mkdirSync(join(tmp, 'outside'));
    cpSync(join(good, 'fixtures', 'server.pem'), join(tmp, 'outside', 'secret.pem'));
    symlinkSync(join(tmp, 'outside', 'secret.pem'), join(pack, 'fixtures', 'stolen.pem'));
    symlinkSync(join(tmp, 'outside'), join(pack, 'fixtures', 'elsewhere'));
    const course = await loadCourse(pack, { now });
    const keys = (await loadFixtureFiles(course)).map((f) => f.key).filter((k) => k.startsWith('pack:'));
    expect(keys).toEqual([
      'pack:ca.pem',
      'pack:chain.pem',
      'pack:client-keyex.pfx',
      'pack:client-keysig.pfx',
      'pack:client.key',
      'pack:client.pem',
      'pack:server.pem',
    ]);
  });

  it('a symbolic link loop is skipped by the walk and refused in one line when referenced', async () => {
    symlinkSync(join(pack, 'fixtures', 'b.pem'), join(pack, 'fixtures', 'a.pem'));
    symlinkSync(join(pack, 'fixtures', 'a.pem'), join(pack, 'fixtures', 'b.pem'));
    symlinkSync('.', join(pack, 'fixtures', 'self'));
    const course = await loadCourse(pack, { now });
    const files = await loadFixtureFiles(course);
    expect(files.map((f) => f.key).filter((k) => k.startsWith('pack:'))).toHaveLength(7); // the loop is not walked
    expect(resolveFixtureRef('a.pem', pack)).toEqual({
      error:
        "fixture path 'a.pem': 'fixtures/a.pem' is a symbolic link loop; replace it with the file or folder itself",
    });
    writeFileSync(
      join(pack, 'first-look', 'lesson.md'),
      '---\ntitle: Loop\nsummary: A loop.\n---\n# Loop\n\n<!-- cert: a.pem -->\n\nText.\n',
    );
    const problems = await checkPack(pack, { now });
    expect(problems).toContainEqual({
      file: 'first-look/lesson.md',
      line: 7,
      message:
        "fixture path 'a.pem': 'fixtures/a.pem' is a symbolic link loop; replace it with the file or folder itself",
    });
  });
});

describe('lesson files reached through links', () => {
  it('a lesson.md that is a link out of the pack is refused, naming the link', async () => {
    writeFileSync(join(tmp, 'elsewhere.md'), '---\ntitle: X\nsummary: Y\n---\n# Outside\n\nText.\n');
    unlinkSync(join(pack, 'first-look', 'lesson.md'));
    symlinkSync(join(tmp, 'elsewhere.md'), join(pack, 'first-look', 'lesson.md'));
    expect(await checkPack(pack, { now })).toContainEqual({
      file: 'first-look/lesson.md',
      line: 0,
      message:
        "'first-look/lesson.md' is a symbolic link that leaves the pack; copy the file into the pack instead",
    });
  });
});
