/**
 * A hands-on exercise in the line mode: the folder and files, the result of each check, then one
 * line at a time: Enter or r re-checks, h shows the next hint, n goes to the next exercise, q quits.
 * Unless watching is off, a change in the folder re-checks and prints the new result by itself.
 */
import type { ExerciseSession } from '../exercises/session.js';
import type { ExerciseResult, ExerciseView } from '../exercises/types.js';
import type { PlainIO } from './line-io.js';

export interface PlainExerciseOptions {
  io: PlainIO;
  session: ExerciseSession;
  start: string;
  watch: boolean;
  now: () => Date;
  /** Called with every result (the command records it in progress). */
  onResult: (r: ExerciseResult) => void;
  marks: { ok: string; bad: string };
}

function resultText(r: ExerciseResult, marks: PlainExerciseOptions['marks']): string {
  const failed = r.checks.filter((c) => !c.passed).length;
  return [
    ...r.checks.map((c) => `${c.passed ? marks.ok : marks.bad} ${c.message}`),
    r.passed
      ? `PASSED: all ${r.checks.length} checks pass.`
      : `NOT YET: ${failed} of ${r.checks.length} checks fail.`,
  ].join('\n');
}

/** Runs the loop until q or the end of input; returns 0. */
export async function runPlainExercise(o: PlainExerciseOptions): Promise<number> {
  const { io, session } = o;
  let i = Math.max(
    0,
    session.views.findIndex((v) => v.id === o.start),
  );
  let hints = 0;
  let last = '';
  const check = async (v: ExerciseView, always: boolean) => {
    const r = await session.check(v.id, o.now());
    o.onResult(r);
    const text = resultText(r, o.marks);
    if (always || text !== last) io.say(text);
    last = text;
    if (r.passed && always)
      io.say('A pass. Type s for a reference solution to compare with, n for the next exercise.');
  };
  const open = async (v: ExerciseView) => {
    hints = 0;
    last = '';
    io.say(`Exercise ${i + 1}/${session.views.length}: ${v.title}`);
    io.say(`Folder: ${v.folder}`);
    io.say(`Write: ${v.produce.join(', ')} (TASK.md there says what each must be)`);
    io.say();
    await check(v, true);
  };
  const watcher: { stop: (() => void) | null } = { stop: null };
  const watchCurrent = () => {
    watcher.stop?.();
    const v = session.views[i]!;
    watcher.stop = o.watch ? session.watch(v.id, () => void check(v, false)) : null;
    if (!watcher.stop) io.say('This folder is not watched: press Enter (or r) to re-check after a change.');
  };
  await open(session.views[i]!);
  watchCurrent();
  try {
    for (;;) {
      const line = await io.ask('Enter/r re-check, h hint, s solution, n next, q quit: ');
      if (line === null) return 0;
      const cmd = line.trim().toLowerCase();
      const v = session.views[i]!;
      if (cmd === 'q') return 0;
      if (cmd === '' || cmd === 'r') await check(v, true);
      else if (cmd === 'h') {
        const h = v.hints[hints];
        if (h) {
          hints++;
          io.say(`Hint (${h.tool}):\n${h.text.trimEnd()}`);
        } else io.say('No more hints.');
      } else if (cmd === 's') {
        if (last.includes('PASSED')) {
          if (v.question) io.say(`${v.question.ask}\n${v.question.answer.trim()}`);
          io.say(`A reference solution:\n${v.solution.replace(/^#!.*\n/, '').trimEnd()}`);
        } else io.say('The reference solution is shown once every check passes.');
      } else if (cmd === 'n') {
        if (i + 1 >= session.views.length) io.say('That was the last exercise.');
        else {
          i++;
          await open(session.views[i]!);
          watchCurrent();
        }
      } else io.say(`Unknown: ${line.trim()}`);
    }
  } finally {
    watcher.stop?.();
    io.close();
  }
}
