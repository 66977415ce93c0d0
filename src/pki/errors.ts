/**
 * A typed engine error: `code` is stable (inspect --json `errorCode`), `message` is one line a
 * user can act on, without the file name (the caller prefixes it).
 */
export class PkiError extends Error {
  override name = 'PkiError';
  /** Stable code such as 'not-found', 'no-certificate', 'too-large', 'bad-der'. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
