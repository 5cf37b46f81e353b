import { SparkSdkError } from '../src/errors/sdk-error.js';

/**
 * Runs `fn` for a property test: it must succeed or throw a `SparkSdkError` — never a
 * TypeError, URIError or anything else, which is rethrown and fails the property.
 *
 * @example
 * fc.assert(fc.property(fc.anything(), (x) => { succeedsOrSdkError(() => parseServiceUri(x as never)); }));
 */
export function succeedsOrSdkError<T>(fn: () => T): T | SparkSdkError {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof SparkSdkError)) throw error;
    return error;
  }
}
