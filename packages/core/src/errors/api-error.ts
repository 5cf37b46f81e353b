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
  /** Credentials to mask (`****`) in `headers`, should the server echo them there. */
  secrets?: readonly string[];
}

/** Response headers that may carry credentials whatever their value. */
const SENSITIVE = new Set(['authorization', 'proxy-authorization', 'x-synthetic-key', 'set-cookie', 'cookie']);

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
  // A private field: `util.inspect` (even with `showHidden`) and JSON never show it.
  readonly #headers: Headers | undefined;

  constructor(message: string, init: SparkApiErrorInit) {
    super(message);
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.body = init.body;
    this.#headers = init.headers && scrubHeaders(init.headers, init.secrets ?? []);
  }

  /** The response headers (credential headers dropped, echoed secrets masked). */
  get headers(): Headers | undefined {
    return this.#headers;
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

function scrubHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const out = new Headers();
  const masks = secrets.filter((secret) => secret.length >= 4);
  headers.forEach((value, name) => {
    if (SENSITIVE.has(name)) return;
    let clean = value;
    for (const secret of masks) clean = clean.split(secret).join('****');
    out.append(name, clean);
  });
  return out;
}
