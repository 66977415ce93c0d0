import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { ensureBuilt, runBinary } from './built-binary.js';

beforeAll(() => ensureBuilt());

describe('the built binary prints help from the commands specs', () => {
  it('cert-tutor --help names every command and its usage line', async () => {
    const r = await runBinary(['--help'], '', {});
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`cert-tutor ${c.name}`);
    const everyCommand = r.stdout.slice(r.stdout.indexOf('Options for every command:'));
    expect(everyCommand.split('\n\n')[0]).not.toContain('--plain');
  });

  for (const c of commands) {
    it(`cert-tutor ${c.name} --help describes each option and gives examples`, async () => {
      const r = await runBinary([c.name, '--help'], '', {});
      expect(r.code).toBe(0);
      for (const [name, o] of Object.entries(c.options)) {
        expect(r.stdout).toContain(`--${name}`);
        expect(r.stdout).toContain(o.description);
      }
      expect(r.stdout).toContain('Examples:');
    });
  }

  it('an option a command does not take is a one-line usage error with exit 2', async () => {
    const r = await runBinary(['report', '--plain', 'x.json'], '', {});
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      "cert-tutor: unknown option --plain for report (run 'cert-tutor report --help' for usage)",
    ]);
  });
});
