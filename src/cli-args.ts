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
