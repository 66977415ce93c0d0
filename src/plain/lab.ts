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
  /** The run's outcome, to tell a learner whether their prediction ("2r": choice 2, refused) came true. */
  outcome: (result: R) => 'accepted' | 'refused';
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
    lab === 'dual-use'
      ? 'Decide first: add a if it works in both roles, r if it is refused in at least one (e.g. 3r).'
      : 'Decide first: add a if the other side will accept it, r if it will refuse it (e.g. 2r).',
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
    // "2r": choice 2, predicted refused (a prediction goes with a number only).
    const m = line.match(/^(\d+)\s*([ar])$/);
    const pick = m?.[1] ?? line;
    const guess = m?.[2];
    const choice = Number(pick);
    const scenario = Number.isInteger(choice)
      ? info.scenarios[choice - 1]
      : info.scenarios.find((s) => s.id === pick);
    if (!scenario) {
      io.say(`Please type a number from 1 to ${n}, m${o.backTo ? ', b' : ''} or q.`);
      continue;
    }
    io.say();
    try {
      const result = await o.run(scenario.id);
      if (guess) io.say(predictionText(guess === 'a' ? 'accepted' : 'refused', o.outcome(result)));
      io.say(o.render(result).trimEnd());
    } catch (e) {
      if (!(e instanceof LabError)) throw e;
      io.say(`The lab could not run: ${e.message}. Try again, or another choice.`);
    }
  }
}

function predictionText(predicted: 'accepted' | 'refused', outcome: 'accepted' | 'refused'): string {
  const said = `You predicted ${predicted.toUpperCase()}`;
  return predicted === outcome
    ? `${said}: right.\n`
    : `${said}: not this time. "Why" below names the field that decided.\n`;
}
