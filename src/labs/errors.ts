import { CertTutorError } from '../errors.js';

/** A lab that cannot run (bad file, wrong password, missing fixture, port problem): one line, no stack. */
export class LabError extends CertTutorError {
  override name = 'LabError';
  /** `code`: stable, 'not-found', 'wrong-password', 'key-mismatch', 'bad-file', 'missing-fixture', 'listen'... */
  constructor(code: string, message: string) {
    super(code, message);
  }
}
