// The worst inputs of the hostile-input work, each run once through the built binary: wall time
// and peak memory (the child's own maxRSS, written by a preload at exit), against the promise
// that each ends in under 2 s with under 300 MB on the 2-core machine. Needs `npm run build`.
// Inputs are made here with openssl and python3 (tests and benches only, never the product).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'dist/cert-tutor.js');
const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
const at = (f) => join(dir, f);
const openssl = (line) => execFileSync('openssl', line.split(' '), { cwd: dir, stdio: 'ignore' });
const LIMIT_MS = 2000;
const LIMIT_MB = 300;

// A preload that reports the process's peak resident memory when it exits.
const preload = at('rss.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => require('fs').writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n",
);

function make() {
  openssl(
    'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout k.pem -out c.pem -subj /CN=bench -days 30',
  );
  // PBKDF2 at the cap for both bags, the MAC with one iteration: the most work a PFX may ask for.
  openssl('pkcs12 -export -in c.pem -inkey k.pem -iter 1000000 -nomaciter -passout pass:pw -out at-cap.pfx');
  // The MAC's PKCS#12 KDF one over its cap (100,000): refused before any derivation.
  openssl('pkcs12 -export -in c.pem -inkey k.pem -iter 100001 -passout pass:pw -out over-cap.pfx');
  writeFileSync(at('begin-lines.pem'), '-----BEGIN CERTIFICATE-----\n'.repeat(40_000));
  writeFileSync(
    at('cross-named.pem'),
    execFileSync('python3', [join(root, 'test/pki/scripts/cross-named.py'), '2000'], { maxBuffer: 64 << 20 }),
  );
  const sans = [
    'import sys, datetime',
    'from cryptography import x509',
    'from cryptography.x509.oid import NameOID',
    'from cryptography.hazmat.primitives import hashes, serialization',
    'from cryptography.hazmat.primitives.asymmetric import ec',
    'k = ec.generate_private_key(ec.SECP256R1()); n = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sans")])',
    't = datetime.datetime(2026, 1, 1)',
    'san = x509.SubjectAlternativeName([x509.DNSName(f"host{i}.example.test") for i in range(50000)])',
    'c = (x509.CertificateBuilder().subject_name(n).issuer_name(n).public_key(k.public_key()).serial_number(1)',
    '     .not_valid_before(t).not_valid_after(t + datetime.timedelta(days=30)).add_extension(san, critical=False)',
    '     .sign(k, hashes.SHA256()))',
    'sys.stdout.buffer.write(c.public_bytes(serialization.Encoding.PEM))',
  ].join('\n');
  writeFileSync(at('many-sans.pem'), execFileSync('python3', ['-c', sans], { maxBuffer: 64 << 20 }));
  execFileSync('mkfifo', [at('results.fifo')]);
  // A pack whose course.yaml is a YAML alias bomb (nine levels of nine aliases).
  const pack = at('bomb-pack');
  cpSync(join(root, 'test/fixtures-packs/good'), pack, { recursive: true });
  const levels = ['a: &a "lol"'];
  for (let l = 1; l <= 9; l++) {
    const prev = String.fromCharCode(96 + l);
    const name = String.fromCharCode(97 + l);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  writeFileSync(join(pack, 'course.yaml'), `${levels.join('\n')}\n`);
  // One results file with the same answer 1,000 times.
  const item = { id: 'q1', lessonId: 'l', source: 'authored', prompt: 'Q?', given: ['a'], expected: ['a'] };
  const results = {
    format: 'cert-tutor-quiz-results',
    formatVersion: 1,
    name: 'Dup',
    seed: 's',
    courseTitle: 'T',
    courseVersion: '1',
    lesson: null,
    startedAt: '2026-11-26T12:00:00.000Z',
    endedAt: '2026-11-26T12:01:00.000Z',
    questions: 1,
    items: Array.from({ length: 1000 }, () => ({ ...item, correct: true, hinted: false, timeMs: 1 })),
  };
  writeFileSync(at('duplicated.json'), JSON.stringify(results));
  mkdirSync(at('home'));
}

/** Runs the binary once; resolves with wall time, peak memory and exit status. */
function run(args) {
  return new Promise((resolve) => {
    const rssOut = at(`rss-${Math.random().toString(36).slice(2)}`);
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', preload, bin, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', RSS_OUT: rssOut, CERT_TUTOR_HOME: at('home') },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let mb = Number.NaN;
      try {
        mb = Number(readFileSync(rssOut, 'utf8')) / 1024;
      } catch {}
      resolve({ ms, mb, code, stderr: stderr.trim().split('\n')[0] ?? '' });
    });
  });
}

const CASES = [
  ['PFX at the PBKDF2 cap (2 x 1,000,000)', ['inspect', at('at-cap.pfx'), '--password', 'pw']],
  ['PFX over the PKCS#12 KDF cap', ['inspect', at('over-cap.pfx'), '--password', 'pw']],
  ['40,000 BEGIN lines (1.1 MB)', ['inspect', at('begin-lines.pem')]],
  ['2,000 cross-named CA certificates', ['inspect', at('cross-named.pem')]],
  ['one certificate with 50,000 SANs', ['inspect', at('many-sans.pem')]],
  ['inspect /dev/zero', ['inspect', '/dev/zero']],
  ['report on a FIFO', ['report', at('results.fifo')]],
  ['lesson pack with a YAML alias bomb', ['lessons', '--check', at('bomb-pack')]],
  ['report on one answer repeated 1,000 times', ['report', at('duplicated.json')]],
];

make();
let failed = 0;
console.log(`worst cases (limit ${LIMIT_MS} ms and ${LIMIT_MB} MB each; exit status and first stderr line)`);
for (const [name, args] of CASES) {
  const r = await run(args);
  const ok = r.ms < LIMIT_MS && r.mb < LIMIT_MB;
  if (!ok) failed++;
  console.log(
    `  ${ok ? 'PASS' : 'FAIL'}  ${String(Math.round(r.ms)).padStart(5)} ms  ${String(Math.round(r.mb)).padStart(4)} MB  exit ${r.code}  ${name}${r.stderr ? `: ${r.stderr.slice(0, 90)}` : ''}`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
