// Runs the three test tiers (vitest projects unit, oracle, e2e; see vitest.config.ts) one after the
// other, each with vitest's JSON reporter, and prints a plain closing line per tier and in all,
// `N passed, N failed`. A tier that ran no test fails the run, so nothing can look green by
// running nothing (docs/decisions.md, "Test tiers"). Extra arguments go to every vitest run;
// `--tier NAME` runs one tier.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--tier');
const only = at >= 0 ? argv.splice(at, 2)[1] : null;
const tiers = ['unit', 'oracle', 'e2e'].filter((t) => only === null || t === only);
if (tiers.length === 0) {
  console.error(`run-tests: unknown tier '${only}' (unit, oracle or e2e)`);
  process.exit(2);
}

let ok = true;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const tier of tiers) {
  const out = `.vitest-results-${tier}.json`;
  rmSync(out, { force: true });
  const args = ['vitest', 'run', `--project=${tier}`, '--reporter=default', '--reporter=json'];
  const run = spawnSync('npx', [...args, `--outputFile.json=${out}`, ...argv], {
    stdio: 'inherit',
    env: { ...process.env },
  });
  let passed = 0;
  let failed = 1;
  let skipped = 0;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed = r.numPassedTests ?? 0;
    failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
    skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else {
    console.error(`run-tests: vitest wrote no results for the ${tier} tier`);
  }
  const tierOk = run.status === 0 && passed > 0 && failed === 0;
  if (passed === 0) console.error(`run-tests: the ${tier} tier ran no test`);
  ok &&= tierOk;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${tier}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
for (const l of lines) console.log(l);
const skippedText = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skippedText}`);
process.exit(ok ? 0 : 1);
