import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { BIN, ensureBuilt } from './built-binary.js';

beforeAll(() => ensureBuilt());

/**
 * Runs the built binary with its stdout pipe closed by the reader before the first write (what
 * `| head` does once it has its lines), so every write meets EPIPE. Resolves with how it ended.
 */
function runIntoClosedPipe(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    child.stdin.end('');
  });
}

describe('writing into a closed pipe ends quietly', () => {
  it('inspect of a bundle piped into a reader that stopped: exit 0, nothing on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-tutor-pipe-'));
    const ca = join(packageRoot(), 'fixtures', 'ca');
    const pems = readdirSync(ca).filter((f) => f.endsWith('.pem'));
    const bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, pems.map((f) => readFileSync(join(ca, f), 'utf8')).join(''));
    const r = await runIntoClosedPipe(['inspect', bundle], {});
    expect(r.stderr).toBe('');
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.code).toBe(0);
  });

  it('learn --plain piped into a reader that stopped: exit 0, no stack trace', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cert-tutor-pipe-home-'));
    const r = await runIntoClosedPipe(['learn', '3', '--plain'], { CERT_TUTOR_HOME: home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
