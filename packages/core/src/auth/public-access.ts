import { redacted, type SparkAuth } from './types.js';

/**
 * No credentials: for public services (`/public` routes) and health checks. The `'open'`
 * value of the `apiKey`/`token` options selects it.
 *
 * @example
 * const spark = createClient({ baseUrl, auth: publicAccess() });
 */
export function publicAccess(): SparkAuth {
  return redacted({ type: 'public', authorize: () => ({}), secrets: () => [] }, { type: 'public' });
}
