import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-args.js';
import { commands } from '../../src/commands/index.js';
import {
  type CommandSpec,
  commandHelp,
  parseCommand,
  readmeCommandTable,
  usageLine,
} from '../../src/commands/spec.js';

const spec = {
  name: 'demo',
  summary: 'a demo',
  args: 'FILE...',
  options: {
    json: { type: 'boolean', description: 'json' },
    at: { type: 'string', value: 'DATE', description: 'when' },
    ca: { type: 'string', value: 'FILE', multiple: true, description: 'a CA' },
  },
  examples: [],
} as const satisfies CommandSpec;

const usage = (argv: string[], s: CommandSpec = spec) => {
  try {
    parseCommand(argv, s);
    return 'parsed';
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
};

describe('parseCommand', () => {
  it('reads flags, values in both spellings, repeated options and positionals in order', () => {
    const r = parseCommand(
      ['a.pem', '--json', '--at', '2030-01-01', '--ca=r1.pem', '-', '--ca', 'r2.pem'],
      spec,
    );
    expect(r.values).toEqual({ json: true, at: '2030-01-01', ca: ['r1.pem', 'r2.pem'] });
    expect(r.positionals).toEqual(['a.pem', '-']);
  });

  it('takes everything after -- as arguments, even when it looks like an option', () => {
    expect(parseCommand(['--', '--json', '-x'], spec).positionals).toEqual(['--json', '-x']);
  });

  it('says what is wrong in its own words: unknown option, missing value, value on a flag, extra argument', () => {
    expect(usage(['--frobnicate'])).toBe('unknown option --frobnicate for demo');
    expect(usage(['--frob=1'])).toBe('unknown option --frob for demo');
    expect(usage(['-x'])).toBe('unknown option -x for demo');
    expect(usage(['--at'])).toBe('option --at needs a value (DATE)');
    expect(usage(['--at', '--json'])).toBe('option --at needs a value (DATE)');
    expect(usage(['--json=yes'])).toBe('option --json takes no value');
    expect(usage(['x'], { ...spec, args: '' })).toBe('unexpected argument x (demo takes no arguments)');
  });
});

describe('every command, from its one spec', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const c of commands) {
    it(`${c.name}: every option parses, and appears in --help, the usage line and the README table`, () => {
      const help = commandHelp(c);
      for (const [name, o] of Object.entries(c.options)) {
        const argv = o.type === 'string' ? [`--${name}`, 'v'] : [`--${name}`];
        const { values } = parseCommand(argv, c) as { values: Record<string, unknown> };
        expect(values[name]).toEqual(o.type === 'string' ? (o.multiple ? ['v'] : 'v') : true);
        expect(help).toContain(`--${name}`);
        expect(help).toContain(o.description);
        expect(usageLine(c)).toContain(`--${name}`);
      }
      expect(c.summary.length).toBeGreaterThan(0);
      expect(c.examples.length).toBeGreaterThan(0);
      for (const e of c.examples) expect(e.startsWith('cert-tutor')).toBe(true);
    });

    it(`${c.name}: refuses an option it does not take, naming it`, () => {
      expect(() => parseCommand(['--not-an-option'], c)).toThrow(
        `unknown option --not-an-option for ${c.name}`,
      );
    });
  }

  it('the README command table is the one the specs make (npm run docs:commands rewrites it)', () => {
    expect(readme).toContain(readmeCommandTable(commands));
  });

  it('only commands whose spec takes --plain are said to take it', () => {
    expect(commands.filter((c) => 'plain' in c.options).map((c) => c.name)).not.toContain('inspect');
    expect(commands.filter((c) => 'plain' in c.options).map((c) => c.name)).not.toContain('report');
  });
});
