import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { BIN, ensureBuilt } from './built-binary.js';

const fx = (p: string) => join(fixturesDir(), p);
const dir = mkdtempSync(join(tmpdir(), 'verify-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  ensureBuilt();
  writeFileSync(
    join(dir, 'random.bin'),
    Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251)),
  );
  writeFileSync(
    join(dir, 'bad.pem'),
    '-----BEGIN CERTIFICATE-----\nMIIB!!not*base64\n-----END CERTIFICATE-----\n',
  );
}, 120_000);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'verify', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}
const [LEAF, INT, ROOT] = ['leaf/server.pem', 'ca/intermediate-ca.pem', 'ca/root-ca.pem'].map(fx);
const CHAIN = [LEAF, '--untrusted', INT, '--ca', ROOT] as string[];

describe('the built cert-tutor verify', () => {
  it('exits 0 for the teaching chain at the lesson clock, 1 for another host', () => {
    expect(run([...CHAIN, '--at', '2026-11-26T12:00:00Z']).code).toBe(0);
    const r = run([...CHAIN, '--at', '2026-11-26T12:00:00Z', '--host', 'evil.test', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe(62);
  });

  it('one line and exit 1 for input that is no certificate; exit 2 for usage', () => {
    for (const f of ['random.bin', 'bad.pem', 'missing.pem']) {
      const r = run([join(dir, f)]);
      expect(r.code, f).toBe(1);
      expect(r.err.trim().split('\n'), f).toHaveLength(1);
      expect(r.err, f).not.toMatch(/\bat .*\.js:\d+/);
    }
    const u = run([...CHAIN, '--purpose', 'nonsense']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/--purpose must be one of/);
  });
});
