// Whole-process time of `cert-tutor inspect` on a bundle of Debian's Mozilla roots, beside
// `openssl storeutl -noout -text -certs` on the same file and `node -e 0` (the floor).
// Medians over RUNS runs (default 10), printed with ratios. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'dist/cert-tutor.js');
const runs = Number(process.env.RUNS ?? 10);
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
function measure(cmd, args) {
  time(cmd, args); // warm the page cache
  return median(Array.from({ length: runs }, () => time(cmd, args)));
}

const cases = {
  'node -e 0': measure(process.execPath, ['-e', '0']),
  'openssl storeutl -noout -text -certs': measure('openssl', [
    'storeutl',
    '-noout',
    '-text',
    '-certs',
    bundle,
  ]),
  'cert-tutor --version (bundle start)': measure(process.execPath, [bin, '--version']),
  'cert-tutor inspect': measure(process.execPath, [bin, 'inspect', bundle]),
  'cert-tutor inspect --json': measure(process.execPath, [bin, 'inspect', '--json', bundle]),
};
rmSync(dir, { recursive: true, force: true });
const base = cases['openssl storeutl -noout -text -certs'];
console.log(`inspect: ${files.length} Mozilla roots in one PEM file, median of ${runs} runs (whole process)`);
for (const [name, ms] of Object.entries(cases)) {
  console.log(`  ${name.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / base).toFixed(2)}x openssl`);
}
const ratio = cases['cert-tutor inspect'] / base;
console.log(`  ratio inspect/openssl: ${ratio.toFixed(2)} (target <= 3)`);
const engine = cases['cert-tutor inspect'] - cases['cert-tutor --version (bundle start)'];
console.log(
  `  of which reading and describing the ${files.length} certificates: ~${engine.toFixed(0)} ms; the rest is starting the bundle`,
);
