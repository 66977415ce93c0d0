import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how the command was called: exit 2 with one line and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem the user can fix (bad file, wrong password, ...): exit 1 with one line. */
export class UserError extends Error {
  override name = 'UserError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses one subcommand's arguments strictly (node:util parseArgs), turning its errors into a
 * one-line UsageError such as "unknown option --frobnicate".
 */
export function parseCommandArgs<O extends OptionSpec>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals, allowNegative: false });
  } catch (err) {
    const e = err as { code?: string; message: string };
    const m = e.message.match(/Unknown option '([^']+)'/);
    if (m) throw new UsageError(`unknown option ${m[1]}`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const o = e.message.match(/Option '([^']+)'/);
      throw new UsageError(
        `option ${o?.[1] ? o[1].replace(/^-\w, /, '') : ''} needs a value`.replace('  ', ' '),
      );
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const p = e.message.match(/'([^']+)'/);
      throw new UsageError(`unexpected argument ${p ? p[1] : ''}`.trim());
    }
    throw new UsageError(e.message.split('\n')[0] ?? 'bad arguments');
  }
}
