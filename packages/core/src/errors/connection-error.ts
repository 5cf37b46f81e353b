import { SparkError } from './spark-error.js';

/**
 * The request could not reach Spark or the connection broke before a response arrived
 * (DNS, refused, reset). Retried automatically only where repeating is safe.
 *
 * @example
 * if (error instanceof SparkConnectionError) console.error(error.url, error.cause);
 */
export class SparkConnectionError extends SparkError {
  override readonly name: string = 'SparkConnectionError';

  constructor(
    message: string,
    readonly method: string,
    readonly url: string,
    readonly requestId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, method: this.method, url: this.url, requestId: this.requestId };
  }
}
