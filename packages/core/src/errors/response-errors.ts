import { SparkApiError, type SparkApiErrorInit } from './api-error.js';

/**
 * Spark answered with a success status, but not with what the operation expects: an HTML or
 * text page, an empty body, JSON that does not parse, or a body whose encoding is corrupt
 * ("invalid response"). Never retried as if the network had failed.
 *
 * @example
 * catch (e) { if (e instanceof SparkUnexpectedResponseError) console.error(e.contentType, e.preview); }
 */
export class SparkUnexpectedResponseError extends SparkApiError {
  override readonly name: string = 'SparkUnexpectedResponseError';
  /** The response's `Content-Type`, when it had one. */
  readonly contentType: string | undefined;
  /** The first bytes of the body as text (at most 200 characters; secrets masked). */
  readonly preview: string;

  constructor(message: string, init: SparkApiErrorInit & { contentType: string | undefined; preview: string }) {
    super(message, init);
    this.contentType = init.contentType;
    this.preview = init.preview;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), contentType: this.contentType, preview: this.preview };
  }
}

/**
 * A response body grew past the client's `maxResponseBytes` (decoded bytes, so a
 * decompression bomb stops at the cap). Not retried: the same answer would come again.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey, maxResponseBytes: 512 * 1024 * 1024 });
 */
export class SparkResponseTooLargeError extends SparkApiError {
  override readonly name: string = 'SparkResponseTooLargeError';
  /** The cap that was hit, in bytes. */
  readonly limit: number;

  constructor(message: string, init: SparkApiErrorInit & { limit: number }) {
    super(message, init);
    this.limit = init.limit;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limit: this.limit };
  }
}
