// The course TUI in a real terminal (a pty made by util-linux `script`, sized 100x30 with stty):
//  1. process start to the first painted home screen, beside bare `node` printing one word in the
//     same pty, as a ratio (target <= 2.5x);
//  2. keystroke to repainted frame while paging a lesson, median (target < 16 ms);
//  3. cold open: a fresh data folder, Enter on home as soon as it is painted (lesson 1 opens), then
//     → to its first card page; each key to its repainted frame, median of BENCH_RUNS (target < 100 ms).
// Figures only: this is a benchmark, never a timed test. Run: npm run bench (or node scripts/bench/tui.mjs
// after npm run build). Env: BENCH_RUNS (default 7), BENCH_KEYS (default 40).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'dist', 'cert-tutor.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

if (!existsSync(BIN)) {
  console.error(`tui bench: ${BIN} is missing; run npm run build first`);
  process.exit(1);
}
if (spawnSync('script', ['--version']).status !== 0) {
  console.error('tui bench: needs util-linux `script` to make a pty; install util-linux');
  process.exit(1);
}

/** Runs `command` in a 100x30 pty; returns helpers over its output. */
function pty(command, env) {
  const t0 = performance.now();
  const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env,
  });
  let out = '';
  const waiters = [];
  child.stdout.on('data', (d) => {
    out += d.toString('utf8');
    for (const w of [...waiters]) {
      if (out.indexOf(w.marker, w.from) >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(performance.now());
      }
    }
  });
  const exited = new Promise((r) => child.on('exit', r));
  return {
    t0,
    exited,
    /** Resolves with the time the marker first appears after output offset `from`. */
    waitFor(marker, from = 0, timeoutMs = 30_000) {
      if (out.indexOf(marker, from) >= 0) return Promise.resolve(performance.now());
      return new Promise((resolve, reject) => {
        const w = { marker, from, resolve };
        waiters.push(w);
        setTimeout(() => reject(new Error(`no '${marker}' within ${timeoutMs} ms`)), timeoutMs).unref();
      });
    },
    get length() {
      return out.length;
    },
    get text() {
      return out;
    },
    send: (s) => child.stdin.write(s),
    kill: () => child.kill('SIGKILL'),
  };
}

const appEnv = (home) => {
  const env = { ...process.env, CERT_TUTOR_HOME: home, TERM: 'xterm-256color' };
  delete env.CI;
  return env;
};

async function startup() {
  const app = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    const b = pty(`${q(process.execPath)} -e "process.stdout.write('ready')"`, process.env);
    bare.push((await b.waitFor('ready')) - b.t0);
    await b.exited;
    const home = mkdtempSync(join(tmpdir(), 'ct-bench-'));
    const a = pty(`${q(process.execPath)} ${q(BIN)}`, appEnv(home));
    app.push((await a.waitFor('lessons done')) - a.t0);
    a.send('q');
    await Promise.race([a.exited, sleep(5000)]);
    a.kill();
    rmSync(home, { recursive: true, force: true });
  }
  return { app: median(app), bare: median(bare), appAll: app, bareAll: bare };
}

async function paging() {
  const home = mkdtempSync(join(tmpdir(), 'ct-bench-'));
  const a = pty(`${q(process.execPath)} ${q(BIN)} learn 1`, appEnv(home));
  await a.waitFor('page 1/');
  // Let the full course finish loading in the background (it follows the first frame).
  await sleep(3000);
  const pages = Number(a.text.match(/page 1\/(\d+)/)?.[1] ?? 1);
  const samples = [];
  let page = 1;
  let dir = 1;
  for (let i = 0; i < KEYS && pages > 1; i++) {
    if (page + dir < 1 || page + dir > pages) dir = -dir;
    page += dir;
    // Pause between keys: a person types slower than Ink's 60 fps render throttle.
    await sleep(40);
    const from = a.length;
    const t = performance.now();
    a.send(dir > 0 ? 'l' : 'p');
    samples.push((await a.waitFor(`page ${page}/${pages}`, from)) - t);
  }
  a.send('q');
  await Promise.race([a.exited, sleep(5000)]);
  a.kill();
  rmSync(home, { recursive: true, force: true });
  return { median: median(samples), max: Math.max(...samples), n: samples.length };
}

async function coldOpen() {
  const enter = [];
  const turn = [];
  for (let i = 0; i < RUNS; i++) {
    const home = mkdtempSync(join(tmpdir(), 'ct-bench-'));
    const a = pty(`${q(process.execPath)} ${q(BIN)}`, appEnv(home));
    await a.waitFor('lessons done');
    await sleep(Number(process.env.BENCH_COLD_WAIT ?? 0));
    let from = a.length;
    let t = performance.now();
    a.send('\r');
    enter.push((await a.waitFor('page 1/', from)) - t);
    // → until the page that shows a certificate card (lesson 1 has one early); time that turn.
    for (let page = 2; page <= 6; page++) {
      from = a.length;
      t = performance.now();
      a.send('l');
      const shown = await a.waitFor(`page ${page}/`, from);
      if (
        a.text.indexOf('Issued to', from) >= 0 ||
        (await a.waitFor('Issued to', from, 300).catch(() => 0))
      ) {
        turn.push(Math.max(shown, (await a.waitFor('Issued to', from)) ?? shown) - t);
        break;
      }
    }
    a.send('q');
    await Promise.race([a.exited, sleep(5000)]);
    a.kill();
    rmSync(home, { recursive: true, force: true });
  }
  return { enter: median(enter), turn: median(turn), enterAll: enter, turnAll: turn };
}

if (process.env.BENCH_TUI === 'cold') {
  const c = await coldOpen();
  console.log(
    `tui: cold Enter on home -> lesson 1  ${c.enter.toFixed(0)} ms median (${c.enterAll.map((x) => x.toFixed(0)).join(' ')})`,
  );
  console.log(
    `tui: cold -> to the first card       ${c.turn.toFixed(0)} ms median (${c.turnAll.map((x) => x.toFixed(0)).join(' ')})`,
  );
  process.exit(0);
}
const s = await startup();
const k = await paging();
const c = await coldOpen();
const ratio = s.app / s.bare;
console.log(`tui: first painted home screen  ${s.app.toFixed(0)} ms (median of ${RUNS})`);
console.log(`tui: bare node in the same pty  ${s.bare.toFixed(0)} ms`);
console.log(`tui: startup ratio              ${ratio.toFixed(2)}x (target <= 2.5x)`);
console.log(
  `tui: keystroke to repaint       ${k.median.toFixed(1)} ms median, ${k.max.toFixed(1)} ms max, ${k.n} page turns (target < 16 ms)`,
);
console.log(`tui: cold Enter on home -> lesson 1  ${c.enter.toFixed(0)} ms median (target < 100 ms)`);
console.log(`tui: cold -> to the first card       ${c.turn.toFixed(0)} ms median (target < 100 ms)`);
console.log(
  JSON.stringify({
    bench: 'tui',
    firstFrameMs: s.app,
    bareNodeMs: s.bare,
    ratio,
    keyToRepaintMedianMs: k.median,
    keyToRepaintMaxMs: k.max,
    coldEnterMs: c.enter,
    coldFirstCardMs: c.turn,
  }),
);
