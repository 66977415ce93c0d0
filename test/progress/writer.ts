import { spawn } from 'node:child_process';
import { join } from 'node:path';

const WRITER = join(import.meta.dirname, 'writer-process.ts');

/**
 * Runs writer-process.ts as its own node process (another window answering `count` quiz items);
 * it starts once the file `go` exists. Resolves with the notices it printed.
 */
export function writer(home: string, tag: string, count: number, go: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, home, tag, String(count), go], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(err))));
  });
}
