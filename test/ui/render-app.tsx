import { render } from 'ink-testing-library';
import { runLabScenario } from '../../src/labs/index.js';
import { inspectFile } from '../../src/pki/index.js';
import type { ProgressDoc } from '../../src/progress/types.js';
import { App, type AppProps } from '../../src/ui/app.js';
import { practiceLoader, reviewLoader } from '../../src/ui/review-loader.js';
import { makeTheme } from '../../src/ui/theme.js';
import { freshState } from './course-fixture.js';

/** Keys as a terminal sends them. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  space: ' ',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  home: '\u001B[H',
  end: '\u001B[F',
} as const;

export type KeyName = keyof typeof KEYS;

/** A rendered app: its frames, a way to type, and every progress document it saved. */
export interface AppHarness {
  frame: () => string;
  /** Types keys (names from KEYS, or literal text) one at a time, waiting for each to be taken. */
  press: (...keys: (KeyName | string)[]) => Promise<void>;
  /** Writes raw text to stdin at once (several keys in one burst, as a terminal delivers them typed ahead). */
  type: (raw: string) => void;
  /** Polls until the frame matches (never a fixed sleep); fails with the last frame. */
  waitFor: (match: string | RegExp | ((frame: string) => boolean), what?: string) => Promise<string>;
  /** Polls until `check` holds (for effects that follow a frame, such as saving). */
  waitUntil: (check: () => boolean, what: string) => Promise<void>;
  saved: ProgressDoc[];
  unmount: () => void;
}

const match = (f: string, m: string | RegExp | ((frame: string) => boolean)) =>
  typeof m === 'string' ? f.includes(m) : m instanceof RegExp ? m.test(f) : m(f);

/**
 * Renders the real App (real reducer, real screens, the real certificate engine for cards) with
 * the test course, and returns a typed harness. Props override the defaults.
 */
export function renderApp(props: Partial<AppProps> = {}): AppHarness {
  const base = freshState();
  const saved: ProgressDoc[] = [];
  const clock = new Date(base.course.clock);
  const full: AppProps = {
    course: base.course,
    progress: base.progress,
    theme: makeTheme({ color: false, unicode: true }),
    onSave: (doc) => saved.push(doc),
    loadCert: async (path) => ({ file: await inspectFile(path, { now: clock }) }),
    now: () => clock,
    runLab: (lab, id) => runLabScenario(lab, id, { now: new Date() }),
    loadReview: reviewLoader(),
    loadPractice: practiceLoader(),
    ...props,
  };
  const r = render(<App {...full} />);
  const frame = () => r.lastFrame() ?? '';
  const waitFor: AppHarness['waitFor'] = async (m, what) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const f = frame();
      if (match(f, m)) return f;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what ?? String(m)}; last frame:\n${f}`);
      await new Promise((res) => setTimeout(res, 5));
    }
  };
  const press: AppHarness['press'] = async (...keys) => {
    for (const k of keys) {
      // Ink attaches its stdin listener in an effect; wait until the app has painted once.
      await waitFor((f) => f.length > 0, 'a first frame');
      const before = r.frames.length;
      r.stdin.write(k in KEYS ? KEYS[k as KeyName] : k);
      // A key either repaints or is a no-op; give Ink's input loop its turn either way.
      const deadline = Date.now() + 200;
      while (r.frames.length === before && Date.now() < deadline)
        await new Promise((res) => setTimeout(res, 5));
    }
  };
  const waitUntil: AppHarness['waitUntil'] = async (check, what) => {
    await waitFor(() => check(), what);
  };
  const type = (raw: string) => r.stdin.write(raw);
  return { frame, press, type, waitFor, waitUntil, saved, unmount: r.unmount };
}
