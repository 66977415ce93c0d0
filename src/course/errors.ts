import { CertTutorError } from '../errors.js';

/** A lesson pack that cannot be used: the message is one line naming file:line and what to do. */
export class CourseError extends CertTutorError {
  override name = 'CourseError';
  constructor(message: string) {
    super('bad-pack', message);
  }
}
