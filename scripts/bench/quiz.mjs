// Time to the first question of `cert-tutor quiz --plain` (load the course, read every fixture at
// the lesson clock, generate the questions, draw the quiz) and of a whole scripted 10-question quiz,
// beside `node -e 0` (the floor) and `cert-tutor --version` (bundle start). Medians over RUNS runs
// (default 10), printed with ratios. Needs `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'dist/cert-tutor.js');
const runs = Number(process.env.RUNS ?? 10);
const home = mkdtempSync(join(tmpdir(), 'bench-quiz-'));
const env = { ...process.env, NO_COLOR: '1', CERT_TUTOR_HOME: home };
const quizArgs = [bin, 'quiz', '--plain', '--seed', '7', '--count', '10'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function whole(args, input = '') {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, stdio: ['pipe', 'ignore', 'pipe'], env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Milliseconds from spawn to the first answer prompt on stdout. */
function firstQuestion() {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, quizArgs, { stdio: ['pipe', 'pipe', 'ignore'], env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Your answer')) {
        resolve(Number(process.hrtime.bigint() - t0) / 1e6);
        child.stdin.end('q\n');
      }
    });
    child.on('error', reject);
  });
}

async function measureFirst() {
  await firstQuestion();
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(await firstQuestion());
  return median(xs);
}

const measure = (args, input) => {
  whole(args, input);
  return median(Array.from({ length: runs }, () => whole(args, input)));
};

const cases = {
  'node -e 0': measure(['-e', '0']),
  'cert-tutor --version (bundle start)': measure([bin, '--version']),
  'quiz --plain: first question on screen': await measureFirst(),
  'quiz --plain: 10 piped answers, to exit': measure(quizArgs, '1\n'.repeat(10)),
};
rmSync(home, { recursive: true, force: true });
const floor = cases['node -e 0'];
for (const [name, ms] of Object.entries(cases))
  console.log(`${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / floor).toFixed(1)}x node -e 0)`);
