import { tokenUrlFor } from '../config/base-url.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { isSparkError } from '../errors/spark-error.js';
import { SparkApiError } from '../errors/api-error.js';
import { SparkUnauthorizedError } from '../errors/api-errors.js';
import { maskSecret, redacted, type SparkAuth, type SparkAuthContext } from './types.js';

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
  let cached: SparkAccessToken | undefined;
  let inflight: Promise<SparkAccessToken> | undefined;
  let view: Record<string, unknown> = {
    type: 'oauth',
    clientId: typeof options === 'function' ? '<from file>' : options.clientId,
    clientSecret: '****',
  };

  const fetchToken = async (context: SparkAuthContext): Promise<SparkAccessToken> => {
    const creds = await load();
    validate(creds);
    secrets = [creds.clientSecret];
    const url = creds.tokenUrl ?? tokenUrlFor(context.baseUrl);
    let response;
    try {
      response = await context.send<Record<string, unknown> | null>({
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
    const body = response.data ?? {};
    const token = typeof body['access_token'] === 'string' ? body['access_token'] : '';
    if (token === '') {
      throw new SparkSdkError(`the token endpoint answered without an access_token (${url})`);
    }
    secrets = [creds.clientSecret, token];
    const lifetime = (Number(body['expires_in']) > 0 ? Number(body['expires_in']) : 300) * 1000;
    const margin = Math.min(30_000, lifetime * 0.1);
    return {
      accessToken: token,
      expiresAt: Date.now() + lifetime - margin,
      tokenType: typeof body['token_type'] === 'string' ? body['token_type'] : 'Bearer',
      scope: typeof body['scope'] === 'string' ? body['scope'] : undefined,
    };
  };

  const getToken = (context: SparkAuthContext, opts?: { force?: boolean }): Promise<SparkAccessToken> => {
    if (!opts?.force && cached && Date.now() < cached.expiresAt) return Promise.resolve(cached);
    inflight ??= fetchToken(context).then(
      (token) => { cached = token; inflight = undefined; return token; },
      (error: unknown) => { inflight = undefined; throw isSparkError(error) ? error : new SparkSdkError('failed to retrieve OAuth2 access token', { cause: error }); },
    );
    return abortable(inflight, context.signal);
  };

  const auth: ClientCredentialsAuth = {
    type: 'oauth',
    getToken,
    authorize: async (context) => ({ authorization: `Bearer ${(await getToken(context)).accessToken}` }),
    refresh: (_context, failed) => {
      if (cached && failed['authorization'] === `Bearer ${cached.accessToken}`) cached = undefined;
      return true;
    },
    secrets: () => secrets,
  };
  if (typeof options !== 'function') view = { ...view, clientSecret: maskSecret(options.clientSecret) };
  return redacted(auth, view);
}

/** Lets one waiter give up (with its signal's reason) without cancelling the shared fetch. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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
