import { SparkError } from './spark-error.js';

/**
 * Bad input or a client-side problem, raised before anything is sent. `cause` carries the
 * offending value (secrets are never placed there).
 *
 * @example
 * throw new SparkSdkError('inputs must be an object or an array of objects', { cause: inputs });
 */
export class SparkSdkError extends SparkError {
  override readonly name: string = 'SparkSdkError';
  /** When the error was raised (ISO 8601). */
  readonly timestamp: string = new Date().toISOString();

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, timestamp: this.timestamp };
  }
}
