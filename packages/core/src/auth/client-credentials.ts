import { tokenUrlFor } from '../config/base-url.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { isSparkError } from '../errors/spark-error.js';
import { SparkApiError } from '../errors/api-error.js';
import { SparkUnauthorizedError } from '../errors/api-errors.js';
import { maskSecret, redacted, type SparkAuth, type SparkAuthContext } from './types.js';
import { abortable } from '../transport/abortable.js';

/** OAuth2 client credentials, given directly or read lazily (Node only). */
export interface ClientCredentialsOptions {
  clientId: string;
  clientSecret: string;
  /** Overrides the token URL derived from the base URL. */
  tokenUrl?: string;
}

/** A token as the SDK caches it. */
export interface SparkAccessToken {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer used. */
  expiresAt: number;
  tokenType: string;
  scope?: string | undefined;
}

/** The auth strategy returned by {@link clientCredentials}, with explicit token access. */
export interface ClientCredentialsAuth extends SparkAuth {
  readonly type: 'oauth';
  /** Returns the cached token, or fetches one (one fetch shared by concurrent callers). */
  getToken(context: SparkAuthContext, options?: { force?: boolean }): Promise<SparkAccessToken>;
}

type Loader = () => Promise<ClientCredentialsOptions>;

/** Longest access token accepted (Keycloak JWTs are a few KiB). */
const MAX_TOKEN_LENGTH = 16_384;
/** A token that can travel in a header: visible ASCII only, no CR/LF or spaces. */
const TOKEN = new RegExp(`^[\\x21-\\x7e]{1,${MAX_TOKEN_LENGTH}}$`);

/**
 * OAuth2 client-credentials flow against Keycloak. The token is fetched before the first
 * call, cached until shortly before `expires_in`, refreshed by one request shared by all
 * concurrent callers, and refreshed once more after a 401. A failing token endpoint is
 * never retried in a loop: its error is reported as a {@link SparkUnauthorizedError}.
 *
 * @example
 * const spark = createClient({ baseUrl, auth: clientCredentials({ clientId, clientSecret }) });
 */
export function clientCredentials(options: ClientCredentialsOptions | Loader): ClientCredentialsAuth {
  const load: Loader = typeof options === 'function' ? options : async () => options;
  if (typeof options !== 'function') validate(options);
  let secrets: string[] = typeof options === 'function' ? [] : [options.clientSecret];
  // Keyed by token URL + client id: one strategy value shared by clients of different tenants
  // or hosts (or `Client.use(config, { baseUrl })`) must never send one tenant's token to another.
  const cache = new Map<string, SparkAccessToken>();
  const inflight = new Map<string, Promise<SparkAccessToken>>();
  // The last tokens handed out, dropped ones included: an error about a refused token must still mask it.
  const issued: string[] = [];
  let view: Record<string, unknown> = {
    type: 'oauth',
    clientId: typeof options === 'function' ? '<from file>' : options.clientId,
    clientSecret: '****',
  };

  const request = async (context: SparkAuthContext, creds: ClientCredentialsOptions, url: string) => {
    try {
      return await context.send<Record<string, unknown> | null>({
        operation: 'oauth.token',
        method: 'POST',
        url,
        form: { grant_type: 'client_credentials', client_id: creds.clientId, client_secret: creds.clientSecret },
        auth: false,
        idempotent: true,
        // No caller signal: this fetch is shared by every waiting caller (each one races its own signal).
      });
    } catch (error) {
      if (error instanceof SparkApiError) {
        throw new SparkUnauthorizedError(`failed to retrieve OAuth2 access token: ${error.message}`, {
          status: error.status, method: error.method, url: error.url, requestId: error.requestId, body: error.body,
        });
      }
      throw error;
    }
  };

  /** Fetches a token; one that could not travel in a header (CR/LF, absurd length) is fetched again once, then refused. */
  const fetchToken = async (context: SparkAuthContext, creds: ClientCredentialsOptions, url: string): Promise<SparkAccessToken> => {
    for (let tries = 1; ; tries++) {
      const response = await request(context, creds, url);
      const body = response.data ?? {};
      const token = typeof body['access_token'] === 'string' ? body['access_token'] : '';
      if (token === '') throw new SparkSdkError(`the token endpoint answered without an access_token (${url})`);
      if (!TOKEN.test(token)) {
        if (tries < 2) continue;
        throw new SparkUnauthorizedError(
          `the token endpoint answered with a malformed access_token twice (control characters, spaces or over ${MAX_TOKEN_LENGTH} characters); it was not used (${url})`,
          { status: response.status, method: 'POST', url, requestId: response.requestId, body: undefined },
        );
      }
      issued.unshift(token);
      issued.length = Math.min(issued.length, 8);
      const lifetime = (Number(body['expires_in']) > 0 ? Number(body['expires_in']) : 300) * 1000;
      const margin = Math.min(30_000, lifetime * 0.1);
      return {
        accessToken: token,
        expiresAt: Date.now() + lifetime - margin,
        tokenType: typeof body['token_type'] === 'string' ? body['token_type'] : 'Bearer',
        scope: typeof body['scope'] === 'string' ? body['scope'] : undefined,
      };
    }
  };

  const getToken = async (context: SparkAuthContext, opts?: { force?: boolean }): Promise<SparkAccessToken> => {
    const creds = await load();
    validate(creds);
    if (secrets[0] !== creds.clientSecret) secrets = [creds.clientSecret];
    const url = creds.tokenUrl ?? tokenUrlFor(context.baseUrl);
    const key = `${url}\n${creds.clientId}`;
    const cached = cache.get(key);
    if (!opts?.force && cached && Date.now() < cached.expiresAt) return cached;
    let pending = inflight.get(key);
    if (!pending) {
      pending = fetchToken(context, creds, url).then(
        (token) => { cache.set(key, token); inflight.delete(key); return token; },
        (error: unknown) => { inflight.delete(key); throw isSparkError(error) ? error : new SparkSdkError('failed to retrieve OAuth2 access token', { cause: error }); },
      );
      inflight.set(key, pending);
    }
    return abortable(pending, context.signal);
  };

  const auth: ClientCredentialsAuth = {
    type: 'oauth',
    getToken,
    authorize: async (context) => ({ authorization: `Bearer ${(await getToken(context)).accessToken}` }),
    // A refused token is dropped at once (never kept for its whole expires_in); the caller replays once.
    refresh: (_context, failed) => {
      for (const [key, token] of cache) if (failed['authorization'] === `Bearer ${token.accessToken}`) cache.delete(key);
      return true;
    },
    secrets: () => (issued.length === 0 ? secrets : [...secrets, ...issued]),
  };
  if (typeof options !== 'function') view = { ...view, clientSecret: maskSecret(options.clientSecret) };
  return redacted(auth, view);
}

function validate(creds: ClientCredentialsOptions): void {
  if (typeof creds !== 'object' || creds === null) {
    throw new SparkSdkError('oauth must be { clientId, clientSecret } or a credentials file path');
  }
  for (const field of ['clientId', 'clientSecret'] as const) {
    if (typeof creds[field] !== 'string' || creds[field].trim() === '') {
      throw new SparkSdkError(`oauth.${field} must be a non-empty string`);
    }
  }
}
