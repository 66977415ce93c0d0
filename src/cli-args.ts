/** A mistake in how the command was called: exit 2 with one line and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem the user can fix (bad file, wrong password, ...): exit 1 with one line. */
export class UserError extends Error {
  override name = 'UserError';
}
