/**
 * What a command accepts, written once: parsing (`parseCommand`), `cert-tutor COMMAND --help`, the
 * global help and the README's command table are all made from it, so none can drift from what
 * the command really takes (test/commands/spec.test.ts checks every option both ways).
 */
import { UsageError } from '../cli-args.js';

/** One option: `--name VALUE` (string) or `--name` (boolean). */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The value's name in help ("FILE", "DATE"); string options only. */
  readonly value?: string;
  /** May be given several times (the values are collected in order). */
  readonly multiple?: boolean;
  /** One line for the help. */
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  /** One line: what the command does. */
  readonly summary: string;
  /** The positional arguments as help shows them ("FILE...", "[LESSON]"), or '' for none. */
  readonly args: string;
  /** What each positional argument is, for the help; empty when there are none. */
  readonly argsHelp?: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Command lines that work as written (the README and --help show them). */
  readonly examples: readonly string[];
}

/** The parsed values, typed from the spec: booleans, strings, or string lists for `multiple`. */
export type Values<S extends CommandSpec> = {
  [K in keyof S['options']]?: S['options'][K]['type'] extends 'boolean'
    ? boolean
    : S['options'][K]['multiple'] extends true
      ? string[]
      : string;
};

/**
 * Parses a command's arguments strictly against its spec: `--name value`, `--name=value`, `--flag`,
 * `--` ends the options, `-` alone is a positional (stdin). Mistakes are one-line UsageErrors written
 * here (not Node's parseArgs wording): unknown option, missing value, a value on a flag, an argument
 * the command does not take.
 */
export function parseCommand<S extends CommandSpec>(
  argv: readonly string[],
  spec: S,
): { values: Values<S>; positionals: string[] } {
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    const opt = name ? spec.options[name] : undefined;
    if (!opt) throw new UsageError(`unknown option ${eq < 0 ? arg : arg.slice(0, eq)} for ${spec.name}`);
    if (opt.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined) throw new UsageError(`option --${name} needs a value (${opt.value ?? 'VALUE'})`);
    if (opt.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  if (positionals.length > 0 && spec.args === '')
    throw new UsageError(`unexpected argument ${positionals[0]} (${spec.name} takes no arguments)`);
  return { values: values as Values<S>, positionals };
}

/** "--name VALUE" or "--name", as help and usage lines show an option. */
export const optionForm = (name: string, o: OptionSpec) =>
  o.type === 'string' ? `--${name} ${o.value ?? 'VALUE'}${o.multiple ? '...' : ''}` : `--${name}`;

/** The usage line: "cert-tutor quiz [--lesson ID] [--count N] ...". */
export function usageLine(spec: CommandSpec): string {
  const opts = Object.entries(spec.options).map(([n, o]) => `[${optionForm(n, o)}]`);
  return ['cert-tutor', spec.name, spec.args, ...opts].filter(Boolean).join(' ');
}

/** `cert-tutor COMMAND --help`: usage, what it does, each argument and option, examples. */
export function commandHelp(spec: CommandSpec): string {
  const forms = Object.entries(spec.options).map(([n, o]) => [optionForm(n, o), o.description] as const);
  const summary = `${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`;
  const lines = [`Usage: ${usageLine(spec)}`, '', summary];
  if (spec.argsHelp?.length) lines.push('', 'Arguments:', ...spec.argsHelp.map((a) => `  ${a}`));
  const always = [
    ['--no-color', 'no colour (NO_COLOR=1 does the same); meaning never relies on colour'],
    ['-h, --help', 'this help'],
  ] as const;
  const width = Math.max(...[...forms, ...always].map(([f]) => f.length));
  lines.push('', 'Options:', ...[...forms, ...always].map(([f, d]) => `  ${f.padEnd(width)}  ${d}`));
  if (spec.examples.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

/** The README's command table (between its `commands` markers), one row per command. */
export function readmeCommandTable(specs: readonly CommandSpec[]): string {
  const rows = specs.map((s) => {
    const opts = Object.entries(s.options)
      .map(([n, o]) => `\`${optionForm(n, o)}\``)
      .join(' ');
    const call = ['cert-tutor', s.name, s.args].filter(Boolean).join(' ');
    return `| \`${call}\` | ${s.summary} | ${opts} |`;
  });
  return ['| command | what it does | options |', '|---|---|---|', ...rows].join('\n');
}
