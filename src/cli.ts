#!/usr/bin/env node
import { UsageError } from './cli-args.js';
import { commands, findCommand } from './commands/index.js';
import { commandHelp, usageLine } from './commands/spec.js';
import type { CommandContext } from './commands/types.js';
import { CertTutorError } from './errors.js';
import { version } from './version.js';

/** The command being run, so that a usage error points at its own help. */
let current = '';
const helpPointer = () => `run 'cert-tutor ${current ? `${current} ` : ''}--help' for usage`;

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'cert-tutor: learn how certificates really work, on real certificate files.',
    '',
    'Usage: cert-tutor [COMMAND] [OPTIONS]     (no command opens the course)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Usage of each command (cert-tutor COMMAND --help describes every option, with examples):',
    ...commands.map((c) => `  ${usageLine(c)}`),
    '',
    'Options for every command:',
    '  --no-color     no colour (NO_COLOR=1 does the same); meaning never relies on colour',
    '  -h, --help     this help (cert-tutor COMMAND --help for one command)',
    '  -v, --version  the version',
    '',
    `--plain (line mode: numbered choices, no cursor movement) is taken by ${commands
      .filter((c) => 'plain' in c.options)
      .map((c) => c.name)
      .join(', ')}.`,
    'Environment: CERT_TUTOR_HOME sets where progress is kept (default: your data folder, $XDG_DATA_HOME/cert-tutor on Linux).',
  ];
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const noColorFlag = argv.includes('--no-color');
  const args = argv.filter((a) => a !== '--no-color');
  const stdoutIsTty = (process.stdout as { isTTY?: boolean }).isTTY === true;
  const ctx: CommandContext = {
    stdout: process.stdout,
    // Getters: making the stdin and stderr streams loads stream and socket code (~3 ms) that most
    // runs never use (inspect of a file, --version, a TUI that never writes to stderr).
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    color: !noColorFlag && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && stdoutIsTty,
    now: new Date(),
    env: process.env,
  };
  if (noColorFlag) process.env.NO_COLOR = '1';

  const first = args[0];
  if (first === '--help' || first === '-h' || first === 'help') {
    const sub = first === 'help' && args[1] ? findCommand(args[1]) : undefined;
    process.stdout.write(sub ? commandHelp(sub) : helpText());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }

  let name = 'learn';
  let rest = args;
  if (first !== undefined && !first.startsWith('-')) {
    const cmd = findCommand(first);
    if (!cmd) throw new UsageError(`unknown command '${first}'`);
    name = first;
    rest = args.slice(1);
  }
  const cmd = findCommand(name)!;
  current = name;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(commandHelp(cmd));
    return 0;
  }
  const mod = await cmd.load();
  return mod.run(rest, ctx);
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0] ?? 'unknown error';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof CertTutorError) {
      const pointer = err.exitStatus === 2 ? ` (${helpPointer()})` : '';
      process.stderr.write(`cert-tutor: ${oneLine(err)}${pointer}\n`);
      process.exitCode = err.exitStatus;
    } else {
      // An internal fault: one line, no stack trace; CERT_TUTOR_DEBUG=1 shows the stack.
      process.stderr.write(`cert-tutor: internal error: ${oneLine(err)} (please report it)\n`);
      if (process.env.CERT_TUTOR_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
      process.exitCode = 1;
    }
  },
);
