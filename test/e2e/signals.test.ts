/**
 * Quitting while cert-tutor derives keys: a pack whose fixtures are six PFX files at the PBKDF2 cap
 * (1,000,000 iterations for the certificate bag and again for the key bag, each file within the
 * per-file derivation budget; the MAC with one iteration, `-nomaciter`) keeps the full course loading for seconds after the first frame.
 * q, SIGTERM and a closed terminal (SIGHUP) still end the program within about a second of the
 * derivation in progress, and no process is left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY, e2eSessions, requireBinary, until } from './tmux.js';

const { newHome, open } = e2eSessions();
const dir = mkdtempSync(join(tmpdir(), 'ct-signals-'));
const pack = join(dir, 'slow-pack');
const FILES = 6;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Process ids of cert-tutor running this test's pack. */
const running = () =>
  (spawnSync('pgrep', ['-f', `^node ${BINARY} --lessons ${pack}`], { encoding: 'utf8' }).stdout ?? '')
    .split('\n')
    .filter(Boolean)
    .map(Number);

beforeAll(() => {
  requireBinary();
  cpSync(join(import.meta.dirname, '..', 'fixtures-packs', 'good'), pack, { recursive: true });
  const fixtures = join(pack, 'fixtures');
  const openssl = (line: string) =>
    execFileSync('openssl', line.split(' '), { cwd: fixtures, stdio: 'ignore' });
  openssl(
    'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout slow.key -out slow.crt -subj /CN=slow -days 3650',
  );
  for (let n = 1; n <= FILES; n++)
    openssl(
      `pkcs12 -export -in slow.crt -inkey slow.key -iter 1000000 -nomaciter -passout pass:pw -out slow${n}.pfx`,
    );
  const lesson = join(pack, 'first-look', 'lesson.md');
  const cards = Array.from({ length: FILES }, (_, i) => `<!-- cert: slow${i + 1}.pfx password=pw -->`).join(
    '\n\n',
  );
  writeFileSync(
    lesson,
    `${readFileSync(lesson, 'utf8').trimEnd()}\n\n<!-- page -->\n# Slow files\n\n${cards}\n`,
  );
}, 120_000);

/** Starts the course on the slow pack and waits for its first frame (the course then loads). */
async function started(name: string) {
  const t = open(name, newHome(), { args: ['--lessons', pack] });
  await t.waitFor('A small test pack', 'the home screen');
  await until(() => running().length > 0, 'the process');
  return t;
}

describe('quitting while keys are derived', () => {
  it('the pack is sound and its course takes seconds to load (the premise of the tests below)', () => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [BINARY, 'lessons', '--check', pack], { encoding: 'utf8' });
    expect(r.stdout).toContain('pack is sound');
    expect(Date.now() - t0).toBeGreaterThan(1_500);
  });

  it('q ends the program within about a second', async () => {
    const t = await started('quit');
    t.type('q');
    const sent = Date.now();
    await t.waitFor('[exited 0]', 'the program to end', 10_000);
    expect(Date.now() - sent).toBeLessThan(1_800);
  });

  it('SIGTERM ends it within about a second, and the terminal is given back', async () => {
    const t = await started('term');
    const [pid] = running();
    process.kill(pid!, 'SIGTERM');
    const sent = Date.now();
    const s = await t.waitFor(/\[exited \d+\]/, 'the program to end', 10_000);
    expect(Date.now() - sent).toBeLessThan(1_800);
    // The alternate screen was left: the course's screen is gone from the terminal.
    expect(s).not.toContain('A small test pack');
  });

  it('a closed terminal (SIGHUP) leaves no process behind', async () => {
    const t = await started('hup');
    t.close();
    await until(() => running().length === 0, 'no cert-tutor process left', 3_000);
  });
});
