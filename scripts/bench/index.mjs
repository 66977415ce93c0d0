// Runs every benchmark script in scripts/bench/ (each a standalone .mjs), one after another.
// `npm run bench` builds first. Benchmarks print figures; they are never timed assertions.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'index.mjs' && !f.startsWith('_'))
  .sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n== ${s} ==`);
  const r = spawnSync(process.execPath, [join(here, s)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
