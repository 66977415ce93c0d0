import { CertTutorError } from '../errors.js';

/** A lab that cannot run (bad file, wrong password, missing fixture, port problem): one line, no stack. */
export class LabError extends CertTutorError {
  override name = 'LabError';
  /** `code`: stable, 'not-found', 'wrong-password', 'key-mismatch', 'bad-file', 'missing-fixture', 'listen'... */
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** What a lab says when a key or PFX will not open: how to give the password without showing it in `ps`. */
export const WRONG_PASSWORD_HINT =
  'wrong or missing password; give it with --password-file FILE (or --password P), or run the command in a terminal to be asked';
