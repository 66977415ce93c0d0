/**
 * The one base of every error a user can act on. Each layer throws its own subclass (PkiError,
 * LabError, CourseError, ProgressError, ResultsFileError, UserError, UsageError) with a stable
 * `code`; src/cli.ts maps any of them, once, to one line on stderr and `exitStatus`. Anything else
 * that reaches the top is an internal error.
 */
export class CertTutorError extends Error {
  /** Stable, machine-readable ('not-found', 'wrong-password', 'usage', ...): JSON outputs carry it. */
  readonly code: string;
  /** 1: a file or runtime problem the user can fix; 2: a mistake in how the command was called. */
  readonly exitStatus: 1 | 2;
  constructor(code: string, message: string, exitStatus: 1 | 2 = 1) {
    super(message);
    this.code = code;
    this.exitStatus = exitStatus;
  }
}
