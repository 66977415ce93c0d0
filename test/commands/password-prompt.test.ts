import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { canPrompt, PromptCancelled, promptPassword } from '../../src/commands/password-prompt.js';

/** A stand-in terminal: a stream that says it is a TTY and records raw-mode switches. */
function terminal() {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(on: boolean) {
      this.rawModes.push(on);
    },
  });
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (d) => {
    shown += d.toString();
  });
  return { stdin, stderr, shown: () => shown };
}

describe('the hidden password prompt', () => {
  it('returns what was typed up to Enter, shows only the question, and restores the terminal', async () => {
    const t = terminal();
    const answer = promptPassword('Password for x.pfx: ', t);
    t.stdin.write('cert-');
    t.stdin.write('tutorX\u007f\r');
    expect(await answer).toBe('cert-tutor');
    expect(t.shown()).toBe('Password for x.pfx: \n');
    expect(t.stdin.rawModes).toEqual([true, false]);
  });

  it('rejects with PromptCancelled on Ctrl-C', async () => {
    const t = terminal();
    const answer = promptPassword('Password: ', t);
    t.stdin.write('ab\u0003');
    await expect(answer).rejects.toBeInstanceOf(PromptCancelled);
    expect(t.stdin.rawModes).toEqual([true, false]);
  });

  it('is offered only when stdin is a terminal', () => {
    expect(canPrompt(terminal().stdin)).toBe(true);
    expect(canPrompt(new PassThrough())).toBe(false);
  });
});
