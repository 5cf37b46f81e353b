import { SparkSdkError, type ClientCredentialsAuth, type SparkAccessToken, type SparkCore, requireCore } from '@spark/core';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'platform.getAccessToken';

/** Options of {@link getAccessToken}. */
export interface GetAccessTokenOptions {
  /** Fetch a new token even if the cached one is still valid. */
  force?: boolean;
  /** Cancels the token request. */
  signal?: AbortSignal;
}

/**
 * The OAuth2 client-credentials access token of a client (fetched on first use, then
 * cached until shortly before it expires; `force` fetches a new one). Only clients built
 * with `oauth` / `clientCredentials()` have one.
 *
 * @param core - a client using OAuth2 client credentials
 * @param options - `force` a refresh, `signal` (to stop waiting; `timeout` and `maxResponseBytes` are the client's, as the token request is shared)
 * @returns the token with its type, scope and expiry (epoch ms)
 * @throws SparkSdkError when the client does not use OAuth2
 *
 * @example
 * const spark = createClient({ baseUrl, oauth: { clientId, clientSecret } });
 * const { accessToken, expiresAt } = await getAccessToken(spark);
 */
export async function getAccessToken(core: SparkCore, options?: GetAccessTokenOptions): Promise<SparkAccessToken> {
  requireCore(core, OPERATION);
  const { signal, timeout, maxResponseBytes } = checkCallOptions(options, OPERATION, ['force']);
  // One token request serves every caller waiting for it, so one caller's limits cannot apply to it.
  if (timeout !== undefined || maxResponseBytes !== undefined) {
    throw new SparkSdkError(
      `${OPERATION}: "${timeout !== undefined ? 'timeout' : 'maxResponseBytes'}" is not supported here (the token request is shared by every caller); ` +
        "use signal to stop waiting, and the client's timeout and maxResponseBytes to bound the request",
    );
  }
  const force = options?.force;
  if (force !== undefined && typeof force !== 'boolean') {
    throw new SparkSdkError(`${OPERATION}: "force" must be a boolean`, { cause: force });
  }
  const auth = core.config.auth;
  if (auth.type !== 'oauth') {
    throw new SparkSdkError(`${OPERATION}: the client does not use OAuth2 client credentials (auth type "${auth.type}")`);
  }
  return (auth as ClientCredentialsAuth).getToken(
    {
      baseUrl: core.config.baseUrl,
      signal,
      send: (request) => core.request({ ...request, auth: false }),
    },
    force ? { force } : undefined,
  );
}
