// The oracle tier compares cert-tutor with OpenSSL 3.0 (its purpose rows, error numbers and texts are
// those of 3.0). Another version is a clear failure with what to do, never a silent skip.
import { spawnSync } from 'node:child_process';

const run = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const version = (run.stdout ?? '').trim();
if (run.error || !/^OpenSSL 3\.0\./.test(version)) {
  throw new Error(
    `the oracle tests need OpenSSL 3.0 on PATH (found: ${version || 'no openssl'}); install it (Debian 12: apt-get install openssl) or put a 3.0 build first on PATH`,
  );
}
