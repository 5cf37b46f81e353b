import { readEnv } from './env.js';
import type { SparkClientOptions } from './options.js';

/**
 * The client options with what the environment supplies where the caller gave nothing: the
 * location (`CSPARK_BASE_URL` and `CSPARK_ENV` when neither `baseUrl` nor `env` is given;
 * `CSPARK_TENANT`) and, when no credential option is given, the credentials in the contract's
 * precedence: `CSPARK_CLIENT_ID` + `CSPARK_CLIENT_SECRET` > `CSPARK_OAUTH_PATH` >
 * `CSPARK_API_KEY` > `CSPARK_BEARER_TOKEN`. Used by `resolveConfig` and every `createClient`
 * except the browser build's (a page has no environment variables, so it ships no code for them).
 *
 * @example
 * withEnvOptions({ apiKey: 'k' }) // { apiKey: 'k', baseUrl: process.env.CSPARK_BASE_URL, … }
 */
export function withEnvOptions(options: SparkClientOptions): SparkClientOptions {
  const out: SparkClientOptions = { ...options };
  if (options.baseUrl === undefined && options.env === undefined) {
    out.baseUrl = readEnv('CSPARK_BASE_URL');
    out.env = readEnv('CSPARK_ENV');
  }
  out.tenant ??= readEnv('CSPARK_TENANT');
  if (options.auth !== undefined || options.oauth !== undefined || options.apiKey !== undefined || options.token !== undefined) return out;
  const id = readEnv('CSPARK_CLIENT_ID');
  const secret = readEnv('CSPARK_CLIENT_SECRET');
  const path = readEnv('CSPARK_OAUTH_PATH');
  if (id && secret) out.oauth = { clientId: id, clientSecret: secret };
  else if (path) out.oauth = path;
  else {
    out.apiKey = readEnv('CSPARK_API_KEY');
    if (out.apiKey === undefined) out.token = readEnv('CSPARK_BEARER_TOKEN');
  }
  return out;
}
