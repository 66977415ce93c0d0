/** A lab that cannot run (bad file, wrong password, missing fixture, port problem): one line, no stack. */
export class LabError extends Error {
  override name = 'LabError';
  /** Stable code: 'not-found', 'wrong-password', 'key-mismatch', 'bad-file', 'missing-fixture', 'listen'... */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
