import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/** The built binary the end-to-end tests drive (npm test builds it first). */
export const BINARY = join(packageRoot(), 'dist', 'cert-tutor.js');

/** Fails early, with what to do, when the bundle has not been built. */
export function requireBinary(): void {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: run npm run build first`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * One real terminal: a detached tmux session on its own socket (-L), so tests never share a
 * server. The app runs with CI unset (Ink paints only the last frame when CI is set).
 */
export class Terminal {
  readonly socket: string;

  constructor(name: string) {
    this.socket = `ct-e2e-${name}-${process.pid}`;
  }

  private tmux(...args: string[]): string {
    const env = { ...process.env };
    delete env.CI;
    delete env.TMUX;
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env });
  }

  /** Starts `node dist/cert-tutor.js ARGS` in a cols x rows terminal; prints "[exited N]" when it ends. */
  start(opts: {
    home: string;
    args?: string[];
    cols?: number;
    rows?: number;
    env?: Record<string, string>;
  }): void {
    const vars = { CERT_TUTOR_HOME: opts.home, TERM: 'xterm-256color', ...opts.env };
    const assign = Object.entries(vars)
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    const app = ['node', quote(BINARY), ...(opts.args ?? []).map(quote)].join(' ');
    const script = `env -u CI ${assign} ${app}; echo "[exited $?]"; sleep 600`;
    this.tmux(
      'new-session',
      '-d',
      '-x',
      String(opts.cols ?? 100),
      '-y',
      String(opts.rows ?? 30),
      'sh',
      '-c',
      script,
    );
  }

  /** The visible screen, as text (with `escapes`, the colour and style codes too). */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []));
  }

  /** The terminal's title (what an OSC 0 sequence would set). */
  title(): string {
    return this.tmux('display-message', '-p', '#{pane_title}').trim();
  }

  /** Sends keys by tmux name ("Enter", "Escape", "C-c", "Down") or literal text with `literal`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Sends text literally (no key-name lookup). */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  resize(cols: number, rows: number): void {
    this.tmux('resize-window', '-x', String(cols), '-y', String(rows));
  }

  /** Whether the terminal cursor is visible (tmux's cursor_flag). */
  cursorVisible(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** The pid of the app: the only child of the pane's shell. */
  appPid(): number {
    const shell = this.tmux('display-message', '-p', '#{pane_pid}').trim();
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim();
    const pid = Number(out.split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no app process under pane shell ${shell}`);
    return pid;
  }

  /** Polls the screen until it matches; fails with the last screen. Never a fixed sleep. */
  async waitFor(
    match: string | RegExp | ((s: string) => boolean),
    what?: string,
    timeoutMs = 20_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      const ok =
        typeof match === 'string' ? s.includes(match) : match instanceof RegExp ? match.test(s) : match(s);
      if (ok) return s;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what ?? String(match)}; screen:\n${s}`);
      await sleep(40);
    }
  }

  /**
   * Presses `key` until the screen shows `match` (→ and End first read a long page to its bottom,
   * so reaching the next page may take more than one press); each press waits for the screen to
   * change. Fails after `max` presses.
   */
  async pressUntil(key: string, match: string, what: string, max = 12): Promise<string> {
    for (let i = 0; i < max; i++) {
      const before = this.screen();
      if (before.includes(match)) return before;
      this.keys(key);
      await this.waitFor((s) => s !== before, `the screen to change after ${key}`, 5_000);
    }
    return this.waitFor(match, what, 2_000);
  }

  /** Ends the tmux server of this terminal (and the app in it, if still running). */
  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

/** Polls a condition that is not on screen (a file on disk); fails with `what`. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(40);
  }
}

/**
 * The terminals and learner homes of one test file: `newHome()` makes a progress folder, `open()`
 * starts the built binary in a new terminal; both are closed and removed after each test.
 */
export function e2eSessions() {
  let terminals: Terminal[] = [];
  let homes: string[] = [];
  afterEach(() => {
    for (const t of terminals) t.close();
    for (const h of homes) rmSync(h, { recursive: true, force: true });
    terminals = [];
    homes = [];
  });
  return {
    newHome(): string {
      const h = mkdtempSync(join(tmpdir(), 'ct-e2e-home-'));
      homes.push(h);
      return h;
    },
    open(
      name: string,
      home: string,
      opts: { cols?: number; rows?: number; args?: string[]; env?: Record<string, string> } = {},
    ): Terminal {
      const t = new Terminal(name);
      terminals.push(t);
      t.start({ home, ...opts });
      return t;
    },
  };
}
