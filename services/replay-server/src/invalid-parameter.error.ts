/** A request the replay server refuses with 400 text/plain, as the registry does. */
export class InvalidParameterError extends Error {
  override readonly name = 'InvalidParameterError';
}
