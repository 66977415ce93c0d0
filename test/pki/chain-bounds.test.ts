import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/pki/index.js';

// 2,000 CA certificates whose names point at each other (subject X issued by Y, and Y by X), made
// with python3 cryptography and one key: every certificate names 1,000 possible issuers.
const dir = mkdtempSync(join(tmpdir(), 'ct-cross-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chain building is bounded', () => {
  it('reads 2,000 cross-named certificates in bounded time (was minutes and GBs)', async () => {
    const pem = execFileSync('python3', [join(__dirname, 'scripts', 'cross-named.py'), '2000'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const file = join(dir, 'cross.pem');
    writeFileSync(file, pem);
    const t0 = performance.now();
    const r = await inspectFile(file, { now: new Date('2026-06-01T00:00:00Z') });
    const ms = performance.now() - t0;
    expect(r.error).toBeNull();
    expect(r.certificates).toHaveLength(2000);
    // Every certificate is in a chain, and each chain is short: X and Y issue each other.
    const inChains = new Set(r.chains.flat());
    expect(inChains.size).toBe(2000);
    // A guard far above the normal cost (a few seconds on a loaded 2-core machine).
    expect(ms).toBeLessThan(30_000);
  });
});
