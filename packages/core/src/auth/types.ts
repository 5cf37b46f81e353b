import type { SparkBaseUrl, SparkRequest, SparkResponse } from '../client/messages.js';

/** What an auth strategy may use: the client's base URL and a credential-free request. */
export interface SparkAuthContext {
  readonly baseUrl: SparkBaseUrl;
  /** Sends a request without credentials and without the 401-refresh rule (retries still apply). */
  send<T>(request: SparkRequest): Promise<SparkResponse<T>>;
  readonly signal?: AbortSignal | undefined;
}

/**
 * How a client authenticates. Strategies are values (`apiKey(key)`, `bearer(token)`,
 * `clientCredentials(...)`, `publicAccess()`), each in its own module so unused ones are
 * dropped from bundles. Their `toJSON` and `inspect` views never reveal the secret.
 */
export interface SparkAuth {
  readonly type: 'apiKey' | 'bearer' | 'oauth' | 'public';
  /** Headers to attach to one attempt (may fetch or refresh a token first). */
  authorize(context: SparkAuthContext): Record<string, string> | Promise<Record<string, string>>;
  /**
   * Called once per logical request after a 401 with the headers that failed; returns
   * whether replaying with fresh credentials may succeed.
   */
  refresh?(context: SparkAuthContext, failed: Record<string, string>): boolean | Promise<boolean>;
  /** The secrets this strategy holds, so that logs and errors can be scrubbed of them. */
  secrets(): readonly string[];
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Masks a secret, keeping its last 4 characters when it is long enough. */
export function maskSecret(secret: string): string {
  return secret.length > 12 ? `****${secret.slice(-4)}` : '****';
}

/** Gives an auth value redacted `toJSON`/`inspect`/`toString` views. */
export function redacted<T extends object>(target: T, view: Record<string, unknown>): T {
  const text = () => JSON.stringify(view);
  Object.defineProperties(target, {
    toJSON: { value: () => view },
    toString: { value: text },
    [INSPECT]: { value: () => view },
  });
  return target;
}
