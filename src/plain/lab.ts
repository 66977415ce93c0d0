/**
 * A lab in the line mode: numbered choices, one line read at a time (a terminal or a pipe), the
 * chosen handshake run and its result printed, until "q", "b" or the end of input. Used by
 * `cert-tutor lab NAME` and by the line-mode course when a page offers a lab.
 */
import { findLab } from '../labs/catalog.js';
import { LabError } from '../labs/errors.js';
import type { LabId } from '../labs/types.js';
import type { PlainIO } from './line-io.js';

/** How the learner left a lab: back to where they came from, quit, or the input ended. */
export type PlainLabExit = 'back' | 'quit' | 'eof';

/** What runPlainLab needs: the lab, how to run a scenario and how to print its result. */
export interface PlainLabOptions<R> {
  io: PlainIO;
  lab: LabId;
  /** Runs scenario `id` (a real handshake); a LabError is printed as one line and the menu goes on. */
  run: (id: string) => Promise<R>;
  render: (result: R) => string;
  /** Shown in the prompt when "b" goes back somewhere (the course page). */
  backTo?: string;
}

/** The lab's numbered menu as text. */
export function labMenuText(lab: LabId): string {
  const info = findLab(lab);
  if (!info) return '';
  return [
    `${info.title}: ${info.summary}`,
    ...info.scenarios.map((s, i) => `  ${i + 1}. ${s.label}   (${s.id})`),
    '',
  ].join('\n');
}

/** Runs the menu loop; returns how it ended. */
export async function runPlainLab<R>(o: PlainLabOptions<R>): Promise<PlainLabExit> {
  const info = findLab(o.lab);
  if (!info) return 'back';
  const { io } = o;
  const n = info.scenarios.length;
  const back = o.backTo ? `, b to go back to ${o.backTo}` : '';
  const prompt = `Choose 1-${n} (m for the menu${back}, q to quit): `;
  io.say(labMenuText(o.lab));
  for (;;) {
    const raw = await io.ask(prompt);
    if (raw === null) return 'eof';
    const line = raw.trim().toLowerCase();
    if (line === 'q' || line === 'quit') return 'quit';
    if (o.backTo && line === 'b') return 'back';
    if (line === 'm' || line === '') {
      io.say(labMenuText(o.lab));
      continue;
    }
    const choice = Number(line);
    const scenario = Number.isInteger(choice)
      ? info.scenarios[choice - 1]
      : info.scenarios.find((s) => s.id === line);
    if (!scenario) {
      io.say(`Please type a number from 1 to ${n}, m${o.backTo ? ', b' : ''} or q.`);
      continue;
    }
    io.say();
    try {
      io.say(o.render(await o.run(scenario.id)).trimEnd());
    } catch (e) {
      if (!(e instanceof LabError)) throw e;
      io.say(`The lab could not run: ${e.message}. Try again, or another choice.`);
    }
  }
}
