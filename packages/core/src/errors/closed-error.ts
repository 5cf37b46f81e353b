import { SparkError } from './spark-error.js';

/**
 * Raised for every call made on (or still in flight when) a client is closed.
 *
 * @example
 * client.close();
 * await client.services.execute('f/s').catch((e) => e.name); // 'SparkClosedError'
 */
export class SparkClosedError extends SparkError {
  override readonly name: string = 'SparkClosedError';

  constructor(message = 'Spark client is already closed', options?: { cause?: unknown }) {
    super(message, options);
  }
}
