import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFixtureRef } from '../../src/course/fixture-ref.js';
import { fixturesDir } from '../../src/paths.js';

const pack = '/packs/demo';

describe('resolveFixtureRef', () => {
  it.each([
    ['leaf/server.pem', join(pack, 'fixtures/leaf/server.pem'), 0],
    ['chain.pem#1', join(pack, 'fixtures/chain.pem'), 1],
    ['builtin:leaf/server.pem', join(fixturesDir(), 'leaf/server.pem'), 0],
    ['builtin:containers/chain.pem#2', join(fixturesDir(), 'containers/chain.pem'), 2],
  ])('resolves %s inside its fixtures folder', (ref, path, index) => {
    expect(resolveFixtureRef(ref, pack)).toEqual({ ref, path, index });
  });

  it.each(['../secret.pem', 'a/../../b.pem', '/etc/passwd', 'builtin:../package.json', 'a\\..\\b.pem'])(
    'refuses %s, which leaves the folder',
    (ref) => {
      expect(resolveFixtureRef(ref, pack)).toEqual({
        error: expect.stringMatching(/leaves .*without '\.\.'/),
      });
    },
  );

  it('refuses a reference without a file or with a bad certificate number', () => {
    expect(resolveFixtureRef('builtin:', pack)).toEqual({ error: expect.stringMatching(/names no file/) });
    expect(resolveFixtureRef('a.pem#one', pack)).toEqual({
      error: expect.stringMatching(/not a certificate number/),
    });
  });

  it('refuses a symbolic link that leads out of the fixtures folder, and accepts one that stays inside', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cert-tutor-ref-'));
    try {
      mkdirSync(join(tmp, 'pack', 'fixtures'), { recursive: true });
      writeFileSync(join(tmp, 'outside.pem'), 'x');
      writeFileSync(join(tmp, 'pack', 'fixtures', 'inside.pem'), 'x');
      symlinkSync(join(tmp, 'outside.pem'), join(tmp, 'pack', 'fixtures', 'out.pem'));
      symlinkSync(join(tmp, 'pack', 'fixtures', 'inside.pem'), join(tmp, 'pack', 'fixtures', 'in.pem'));
      const pack = join(tmp, 'pack');
      expect(resolveFixtureRef('out.pem', pack)).toEqual({
        error:
          "fixture path 'out.pem': 'fixtures/out.pem' is a symbolic link that leaves the pack; copy the file into the pack instead",
      });
      expect(resolveFixtureRef('in.pem', pack)).toEqual({
        ref: 'in.pem',
        path: join(pack, 'fixtures', 'in.pem'),
        index: 0,
      });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
