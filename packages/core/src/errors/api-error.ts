import { SparkError } from './spark-error.js';

/** What an API error knows about the failed exchange (no credentials). */
export interface SparkApiErrorInit {
  status: number;
  method: string;
  url: string;
  requestId: string | undefined;
  /** The parsed JSON error body, or its text. */
  body: unknown;
  headers?: Headers;
}

/**
 * Spark answered with an HTTP error status (after retries). Subclasses by status:
 * {@link createApiError} picks the class.
 *
 * @example
 * catch (e) { if (e instanceof SparkApiError && e.status === 404) return undefined; throw e; }
 */
export class SparkApiError extends SparkError {
  override readonly name: string = 'SparkApiError';
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly headers: Headers | undefined;

  constructor(message: string, init: SparkApiErrorInit) {
    super(message);
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.body = init.body;
    this.headers = init.headers;
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      body: this.body,
    };
  }
}
