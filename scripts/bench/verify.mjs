// Whole-process time of `cert-tutor verify` on a three-certificate chain (the teaching server,
// its intermediate, the root given with --ca), beside `node -e 0` (the floor). The target is at most
// 1.5 times the floor. RUNS rounds (default 15), cases interleaved in each round so that load from
// other work on the shared machine moves all of them alike. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'dist/cert-tutor.js');
const fx = (p) => join(root, 'fixtures', p);
const runs = Number(process.env.RUNS ?? 15);

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

const verifyArgs = [
  bin,
  'verify',
  fx('leaf/server.pem'),
  '--untrusted',
  fx('ca/intermediate-ca.pem'),
  '--ca',
  fx('ca/root-ca.pem'),
  '--at',
  '2026-11-26T12:00:00Z',
];
const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'cert-tutor verify (3 certificates)': [process.execPath, verifyArgs],
  'cert-tutor verify --json': [process.execPath, [...verifyArgs, '--json']],
};
const times = Object.fromEntries(Object.keys(commands).map((n) => [n, []]));
for (const [cmd, args] of Object.values(commands)) time(cmd, args);
for (let i = 0; i < runs; i++)
  for (const [n, [cmd, args]] of Object.entries(commands)) times[n].push(time(cmd, args));
const floor = median(times['node -e 0']);
const floorMin = Math.min(...times['node -e 0']);
console.log(`verify: a three-certificate chain, ${runs} interleaved runs of each (whole process)`);
console.log(`  ${''.padEnd(36)} ${'median'.padStart(9)}  ratio   ${'min'.padStart(7)}  ratio`);
for (const [n, xs] of Object.entries(times)) {
  const m = median(xs);
  const lo = Math.min(...xs);
  console.log(
    `  ${n.padEnd(36)} ${m.toFixed(1).padStart(7)} ms  ${(m / floor).toFixed(2)}x  ${lo.toFixed(1).padStart(5)} ms  ${(lo / floorMin).toFixed(2)}x`,
  );
}
