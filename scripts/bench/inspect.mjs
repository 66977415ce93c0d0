// Whole-process time of `cert-tutor inspect` on a bundle of Debian's Mozilla roots, beside
// `openssl storeutl -noout -text -certs` on the same file and `node -e 0` (the floor).
// RUNS rounds (default 15); each round runs every case once, in turn, so a machine that gets
// busier or quieter during the bench (it is shared) moves all cases alike. Medians and minimums,
// printed with ratios. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'dist/cert-tutor.js');
const runs = Number(process.env.RUNS ?? 15);
const mozilla = '/usr/share/ca-certificates/mozilla';
const files = readdirSync(mozilla).filter((f) => f.endsWith('.crt'));
const dir = mkdtempSync(join(tmpdir(), 'bench-inspect-'));
const bundle = join(dir, 'mozilla-roots.pem');
writeFileSync(bundle, files.map((f) => readFileSync(join(mozilla, f), 'utf8')).join('\n'));

function time(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const min = (xs) => Math.min(...xs);

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'openssl storeutl -noout -text -certs': ['openssl', ['storeutl', '-noout', '-text', '-certs', bundle]],
  'cert-tutor --version (bundle start)': [process.execPath, [bin, '--version']],
  'cert-tutor inspect': [process.execPath, [bin, 'inspect', bundle]],
  'cert-tutor inspect --json': [process.execPath, [bin, 'inspect', '--json', bundle]],
};
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (const [cmd, args] of Object.values(commands)) time(cmd, args); // warm the page cache
for (let i = 0; i < runs; i++) {
  for (const [name, [cmd, args]] of Object.entries(commands)) times[name].push(time(cmd, args));
}
const cases = Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, median(xs)]));
rmSync(dir, { recursive: true, force: true });
const opensslName = 'openssl storeutl -noout -text -certs';
const base = cases[opensslName];
const baseMin = min(times[opensslName]);
console.log(
  `inspect: ${files.length} Mozilla roots in one PEM file, ${runs} interleaved runs of each (whole process)`,
);
console.log(`  ${''.padEnd(38)} ${'median'.padStart(9)}   ratio    ${'min'.padStart(6)}   ratio`);
for (const [name, ms] of Object.entries(cases)) {
  const lo = min(times[name]);
  console.log(
    `  ${name.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / base).toFixed(2).padStart(5)}x   ${lo.toFixed(0).padStart(4)} ms  ${(lo / baseMin).toFixed(2).padStart(5)}x`,
  );
}
const ratio = cases['cert-tutor inspect'] / base;
const ratioMin = min(times['cert-tutor inspect']) / baseMin;
console.log(
  `  ratio inspect/openssl: ${ratio.toFixed(2)} on medians, ${ratioMin.toFixed(2)} on minimums (target <= 3)`,
);
const engine = cases['cert-tutor inspect'] - cases['cert-tutor --version (bundle start)'];
console.log(
  `  of which reading and describing the ${files.length} certificates: ~${engine.toFixed(0)} ms; the rest is starting the bundle`,
);
