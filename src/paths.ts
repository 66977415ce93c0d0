import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder that holds package.json, lessons/ and fixtures/: found by walking up from this
 * module, so it works from src/ (tests, tsx) and from dist/ (the bundle) alike.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'cert-tutor') {
          cached = dir;
          return dir;
        }
      } catch {
        // keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the cert-tutor package folder');
    dir = up;
  }
}

/** The built-in course (lessons/). */
export const lessonsDir = () => join(packageRoot(), 'lessons');
/** The built-in fixtures (fixtures/). */
export const fixturesDir = () => join(packageRoot(), 'fixtures');
