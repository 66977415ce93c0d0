import { render } from 'ink';
import type { CommandContext } from '../commands/types.js';
import { displaySafeCourse, displaySafeItem } from '../course/display-safe.js';
import type { Course, QuizItem } from '../course/types.js';
import { escapeDeep } from '../escape.js';
import type { DualUseResult, LabId, LabResult } from '../labs/types.js';
import type { ProgressDoc } from '../progress/types.js';
import { App, type AppProps } from './app.js';
import type { CertData } from './cert-data.js';
import { loadMarkdown } from './components/markdown.js';
import { generatedItems, practiceLoader, reviewLoader } from './review-loader.js';
import { makeTheme, terminalIsUnicode } from './theme.js';

/** What the learn command hands to the TUI. */
export interface StartOptions {
  ctx: CommandContext;
  course: Course;
  progress: ProgressDoc;
  notice?: string;
  startLesson?: string;
  outline?: AppProps['outline'];
  onSave: AppProps['onSave'];
  exercises?: AppProps['exercises'];
}

const ENTER_ALT = '\u001B[?1049h';
const LEAVE_ALT = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/**
 * The passwords the course gives for its PKCS#12 fixtures (a page's `password=`, a quiz item's
 * `password:`), by absolute path, so a card on a password-protected PFX can be drawn.
 */
function fixturePasswords(course: Course, into: Map<string, string>): void {
  for (const lesson of course.lessons) {
    for (const page of lesson.pages)
      for (const b of page.blocks)
        if (b.type === 'cert' && b.password !== undefined) into.set(b.path, b.password);
    for (const item of lesson.quiz)
      if (item.fixture?.password !== undefined) into.set(item.fixture.path, item.fixture.password);
  }
}

/** Describes a fixture with the certificate engine, imported on first use (after the first frame). */
function certLoader(clock: Date, passwords: Map<string, string>): (path: string) => Promise<CertData> {
  return async (path) => {
    const { inspectFile } = await import('../pki/index.js');
    const file = await inspectFile(path, { now: clock, password: passwords.get(path) });
    // Cards are text on a terminal: every string from the file is escaped (src/escape.ts).
    return { file: escapeDeep(file) };
  };
}

let labsLoaded = false;

/** Runs one lab scenario with the labs module, imported on first use (node:tls stays out of the first frame). */
async function runLab(lab: LabId, scenario: string): Promise<LabResult | DualUseResult> {
  const { runLabScenario } = await import('../labs/index.js');
  labsLoaded = true;
  return runLabScenario(lab, scenario, { now: new Date() });
}

/** Closes every lab server and socket, if a lab ever ran. */
async function closeLabs(): Promise<void> {
  if (!labsLoaded) return;
  const { closeAllLabServers } = await import('../labs/index.js');
  await closeAllLabServers();
}

/**
 * Keys typed before this process could turn raw mode on (while node starts) were read in cooked
 * mode, where the terminal turns Enter into a line feed (ICRNL, termios(3)) that Ink does not take
 * as Enter. The first input read is handed back to the stream with each line feed made a carriage
 * return (a byte-for-byte change: 0x0A never occurs inside a UTF-8 sequence), before Ink reads it.
 */
function giveBackTypedAhead(stdin: NodeJS.ReadStream): void {
  const first = () => {
    stdin.off('readable', first);
    const chunk: Buffer | string | null = stdin.read();
    if (chunk === null) return;
    const bytes = Buffer.from(chunk);
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) bytes[i] = 0x0d;
    stdin.unshift(bytes);
  };
  stdin.on('readable', first);
}

/**
 * Runs the course TUI in the alternate screen until the learner quits, and restores the terminal
 * (screen, cursor, raw mode) on every way out: q, Ctrl+C, SIGINT/SIGTERM/SIGHUP, or an error.
 */
export async function startTui(o: StartOptions): Promise<number> {
  const stdout = o.ctx.stdout as NodeJS.WriteStream;
  const stdin = o.ctx.stdin as NodeJS.ReadStream;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT + SHOW_CURSOR);
  };
  stdout.write(ENTER_ALT);
  process.once('exit', restore);
  // Raw mode now, before the first frame: Ink sets it only in an effect after that frame, and keys
  // typed in between were read in cooked mode, where the terminal turns Enter into a line feed
  // (ICRNL, termios(3)) that no screen takes as Enter. Ink turns raw mode off when it unmounts.
  if (stdin.isTTY) {
    stdin.setRawMode(true);
    giveBackTypedAhead(stdin);
  }
  const theme = makeTheme({ color: o.ctx.color, unicode: terminalIsUnicode(o.ctx.env) });
  const clock = new Date(o.course.clock);
  const passwords = new Map<string, string>();
  fixturePasswords(o.course, passwords);
  const full = o.outline;
  const outline = full && {
    loadFull: async () => {
      const course = await full.loadFull();
      fixturePasswords(course, passwords);
      return displaySafeCourse(course);
    },
  };
  // Generated items on a password-protected PFX carry the password their card needs.
  const withPasswords = (items: QuizItem[]) => {
    for (const i of items)
      if (i.fixture?.password !== undefined) passwords.set(i.fixture.path, i.fixture.password);
    return items.map(displaySafeItem);
  };
  const generated = generatedItems();
  const pickReview = reviewLoader(generated);
  const loadReview: AppProps['loadReview'] = async (...args) => withPasswords(await pickReview(...args));
  const drawPractice = practiceLoader(generated);
  const loadPractice: AppProps['loadPractice'] = async (...args) =>
    withPasswords(await drawPractice(...args));
  // A lesson opened directly shows Markdown in its first frame; home does not need marked.
  if (o.startLesson) await loadMarkdown();
  const instance = render(
    <App
      course={displaySafeCourse(o.course)}
      progress={o.progress}
      notice={o.notice}
      theme={theme}
      onSave={o.onSave}
      loadCert={certLoader(Number.isNaN(clock.getTime()) ? o.ctx.now : clock, passwords)}
      now={() => new Date()}
      runLab={runLab}
      loadReview={loadReview}
      loadPractice={loadPractice}
      startLesson={o.startLesson}
      outline={outline}
      exercises={o.exercises}
    />,
    { stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
  );
  const onSignal = () => instance.unmount();
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('SIGINT', onSignal);
  try {
    await instance.waitUntilExit();
    await closeLabs();
    return 0;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
    restore();
    // The learner has left: end now, without waiting for work still under way after the first
    // frame (the full course, generated questions, read-ahead cards). Progress is already saved
    // (each save is synchronous) and the exit status is set before this runs.
    setImmediate(() => process.exit());
  }
}
