/** A lesson pack that cannot be used: the message is one line naming file:line and what to do. */
export class CourseError extends Error {
  override name = 'CourseError';
}
