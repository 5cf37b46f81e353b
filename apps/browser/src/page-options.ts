/** What the page reads from its query string. */
export interface PageOptions {
  /** Spark base URL including the tenant, e.g. `http://127.0.0.1:4000/my-tenant`. */
  baseUrl: string | undefined;
  /** The API key sent as `x-synthetic-key`. */
  apiKey: string | undefined;
  /** `?guard=1`: build the client WITHOUT `allowBrowser`, to show core's browser guard. */
  guard: boolean;
}

/**
 * Reads `?baseUrl=…&apiKey=…&guard=1` from a query string.
 *
 * @param search - `location.search`
 * @returns the page options (missing values stay `undefined`)
 * @example
 * readPageOptions('?baseUrl=http%3A%2F%2F127.0.0.1%3A4000%2Fmy-tenant&apiKey=test-api-key');
 */
export function readPageOptions(search: string): PageOptions {
  const query = new URLSearchParams(search);
  const guard = query.get('guard');
  return {
    baseUrl: query.get('baseUrl') ?? undefined,
    apiKey: query.get('apiKey') ?? undefined,
    guard: guard !== null && guard !== '0' && guard !== 'false',
  };
}
