import { SparkError } from './spark-error.js';

/**
 * A request (or a polling job) took longer than its timeout.
 *
 * @example
 * await executeService(spark, 'f/s', { inputs, timeout: 5_000 }).catch((e) => {
 *   if (e instanceof SparkTimeoutError) console.log(`gave up after ${e.timeout} ms`);
 * });
 */
export class SparkTimeoutError extends SparkError {
  override readonly name: string = 'SparkTimeoutError';

  constructor(
    message: string,
    readonly timeout: number,
    readonly url?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, timeout: this.timeout, url: this.url, requestId: this.requestId };
  }
}
