import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

declare const __CERT_TUTOR_VERSION__: string | undefined;

/** The package version: inlined by the bundler, read from package.json when run from source. */
export function version(): string {
  if (typeof __CERT_TUTOR_VERSION__ === 'string') return __CERT_TUTOR_VERSION__;
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
}
