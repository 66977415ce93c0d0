/** What every subcommand receives: its own argv (after the command name) and the process context. */
export interface CommandContext {
  stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  /** false when NO_COLOR is set, --no-color was given, or stdout is not a terminal. */
  color: boolean;
  /** The clock; tests pin it. */
  now: Date;
  env: NodeJS.ProcessEnv;
}

/** A subcommand: returns the exit code (0 ok, 1 a file or runtime problem, 2 usage). */
export type RunCommand = (argv: string[], ctx: CommandContext) => Promise<number>;
