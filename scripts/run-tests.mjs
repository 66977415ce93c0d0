// Runs vitest with its JSON reporter and prints a plain closing line `N passed, N failed`, so a run
// that executed no test can never look green (stack-notes.md, "Terminal testing").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const out = '.vitest-results.json';
rmSync(out, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env } });
if (!existsSync(out)) {
  console.log('0 passed, 1 failed');
  console.error('vitest wrote no results file');
  process.exit(1);
}
const r = JSON.parse(readFileSync(out, 'utf8'));
const passed = r.numPassedTests ?? 0;
const failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && passed > 0 && failed === 0 ? 0 : 1);
