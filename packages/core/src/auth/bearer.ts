import { SparkSdkError } from '../errors/sdk-error.js';
import { maskSecret, redacted, type SparkAuth } from './types.js';

/** A bearer token, or a function that returns the current one (called for every request). */
export type SparkTokenSource = string | (() => string | Promise<string>);

/** Removes a leading `Bearer` word, so `"Bearer abc"` and `"abc"` are the same token. */
export function stripBearer(token: string): string {
  return token.replace(/^\s*bearer\s+/i, '').trim();
}

/**
 * Authenticates with a bearer token (`Authorization: Bearer …`). With a function, the token
 * is fetched for every request and once more after a 401, so it can come from your own cache.
 *
 * @example
 * const spark = createClient({ baseUrl, auth: bearer(async () => myTokenCache.get()) });
 */
export function bearer(source: SparkTokenSource): SparkAuth {
  if (typeof source === 'string' && stripBearer(source) === '') {
    throw new SparkSdkError('token must be a non-empty string');
  }
  if (typeof source !== 'string' && typeof source !== 'function') {
    throw new SparkSdkError('token must be a string or a function returning one');
  }
  const seen = new Set<string>();
  const current = async (): Promise<string> => {
    const raw = typeof source === 'string' ? source : await source();
    const token = typeof raw === 'string' ? stripBearer(raw) : '';
    if (token === '') throw new SparkSdkError('the bearer token function returned no token');
    if (seen.size > 16) seen.clear();
    seen.add(token);
    return token;
  };
  const fixed = typeof source === 'string' ? stripBearer(source) : undefined;
  if (fixed !== undefined) seen.add(fixed);
  return redacted(
    {
      type: 'bearer',
      authorize: fixed !== undefined ? () => ({ authorization: `Bearer ${fixed}` }) : async () => ({ authorization: `Bearer ${await current()}` }),
      refresh: () => fixed === undefined,
      secrets: () => [...seen],
    },
    { type: 'bearer', token: fixed !== undefined ? maskSecret(fixed) : '<function>' },
  );
}
