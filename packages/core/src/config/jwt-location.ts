import { decodeJwt } from '../auth/jwt.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import type { BaseUrlInput } from './base-url.js';
import { readEnv } from './env.js';
import type { SparkClientOptions } from './options.js';

/**
 * A client given no location: a JWT bearer token's claims name it (`iss` → environment,
 * `realm` → tenant; an explicit `tenant` wins). The token is `options.token`, or
 * `CSPARK_BEARER_TOKEN` when no credential option is given. Injected by the Node entry point.
 *
 * @example
 * locationFromToken({}, { token: jwt }) // { baseUrl: 'https://excel.uat.us.coherent.global', tenant: 'my-tenant' }
 */
export function locationFromToken(location: BaseUrlInput, options: SparkClientOptions): BaseUrlInput {
  const anyAuth = options.auth ?? options.apiKey ?? options.oauth ?? options.token;
  const token = typeof options.token === 'string' ? options.token : anyAuth === undefined ? readEnv('CSPARK_BEARER_TOKEN') : undefined;
  if (token === undefined || token.trim() === '' || token.trim() === 'open') return location;
  let jwt;
  try {
    jwt = decodeJwt(token);
  } catch (error) {
    throw new SparkSdkError(`baseUrl is required: pass baseUrl, or env + tenant (the bearer token cannot name them: ${(error as Error).message})`);
  }
  return { baseUrl: jwt.origin, tenant: location.tenant ?? jwt.tenant };
}
