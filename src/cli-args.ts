import { CertTutorError } from './errors.js';

/** A mistake in how the command was called: exit 2 with one line and a pointer to --help. */
export class UsageError extends CertTutorError {
  override name = 'UsageError';
  constructor(message: string) {
    super('usage', message, 2);
  }
}

/** A problem the user can fix (bad file, wrong password, ...): exit 1 with one line. */
export class UserError extends CertTutorError {
  override name = 'UserError';
  constructor(message: string, code = 'user') {
    super(code, message);
  }
}

/** `--at DATE`: a date (midnight UTC) or an ISO 8601 time; `now` when absent. */
export function parseAt(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`--at needs a date such as 2026-11-26 or 2026-11-26T12:00:00Z, not '${value}'`);
  return d;
}
