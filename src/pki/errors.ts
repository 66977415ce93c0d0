import { CertTutorError } from '../errors.js';

/**
 * A typed engine error: `code` is stable (inspect --json `errorCode`), `message` is one line a
 * user can act on, without the file name (the caller prefixes it).
 */
export class PkiError extends CertTutorError {
  override name = 'PkiError';
  /** `code`: stable, such as 'not-found', 'no-certificate', 'too-large', 'bad-der'. */
  constructor(code: string, message: string) {
    super(code, message);
  }
}
