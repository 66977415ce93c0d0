/**
 * The line-mode loop of a lab: prints numbered choices, reads one line at a time from stdin (a
 * terminal or a pipe), runs the chosen handshake and prints the result, until "q" or end of input.
 */
import { createInterface } from 'node:readline';
import { findLab, type LabId } from '../labs/index.js';
import { renderLabMenu } from './lab-render.js';
import type { CommandContext } from './types.js';

/** Runs the menu loop; returns 0 at "q" or end of input. */
export async function runInteractive<R>(
  lab: LabId,
  ctx: CommandContext,
  runScenario: (id: string) => Promise<R>,
  render: (r: R) => string,
): Promise<number> {
  const info = findLab(lab);
  if (!info) return 2;
  const n = info.scenarios.length;
  const prompt = `Choose 1-${n} (m for the menu, q to quit): `;
  ctx.stdout.write(`${renderLabMenu(info)}\n${prompt}`);
  const rl = createInterface({ input: ctx.stdin, terminal: false });
  try {
    for await (const raw of rl) {
      const line = raw.trim().toLowerCase();
      if (line === 'q' || line === 'quit') break;
      if (line === 'm' || line === '') {
        ctx.stdout.write(`${renderLabMenu(info)}\n${prompt}`);
        continue;
      }
      const choice = Number(line);
      const scenario = Number.isInteger(choice)
        ? info.scenarios[choice - 1]
        : info.scenarios.find((s) => s.id === line);
      if (!scenario) {
        ctx.stdout.write(`Please type a number from 1 to ${n}, m or q.\n${prompt}`);
        continue;
      }
      ctx.stdout.write(`\n${render(await runScenario(scenario.id))}\n${prompt}`);
    }
  } finally {
    rl.close();
  }
  ctx.stdout.write('\n');
  return 0;
}
