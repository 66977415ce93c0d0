import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

/** The built CLI bundle (dist/cert-tutor.js). */
export const BIN = join(packageRoot(), 'dist', 'cert-tutor.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestSource(p) : st.mtimeMs);
  }
  return newest;
}

/** Builds the bundle when it is missing or older than src/ (`npm test` builds it first anyway). */
export function ensureBuilt(): void {
  const src = join(packageRoot(), 'src');
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newestSource(src)) return;
  execFileSync(process.execPath, [join(packageRoot(), 'scripts', 'build.mjs')], { stdio: 'ignore' });
}

/** Runs the built binary with `input` piped to stdin (not a terminal); resolves when it exits. */
export function runBinary(
  args: string[],
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
