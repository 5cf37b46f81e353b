import { apiKey } from '../auth/api-key.js';
import { bearer } from '../auth/bearer.js';
import type { SparkPlatform } from './platform.js';
import { publicAccess } from '../auth/public-access.js';
import type { SparkAuth } from '../auth/types.js';
import type { SparkConfig } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { resolveBaseUrl } from './base-url.js';
import { withEnvOptions } from './env-options.js';
import { resolveLogger } from './logger.js';
import { CLIENT_OPTION_KEYS, type SparkClientOptions } from './options.js';
import { rejectUnknownKeys } from '../validation/unknown-keys.js';

export type { SparkPlatform };

/**
 * Applies defaults and environment variables to client options and validates them.
 *
 * @example
 * const config = resolveConfig({ baseUrl: 'http://127.0.0.1:8080/my-tenant', apiKey: 'k' });
 */
export function resolveConfig(options: SparkClientOptions = {}, platform: SparkPlatform = {}): SparkConfig {
  return configure(options, platform, withEnvOptions);
}

/**
 * {@link resolveConfig} with the environment variables read by `fromEnv` (see
 * `withEnvOptions`), or not at all when it is absent: the browser build's `createClient`.
 */
export function configure(options: SparkClientOptions = {}, platform: SparkPlatform = {}, fromEnv?: (options: SparkClientOptions) => SparkClientOptions): SparkConfig {
  if (typeof options !== 'object' || options === null) {
    throw new SparkSdkError('client options must be an object');
  }
  rejectUnknownKeys(options, CLIENT_OPTION_KEYS, 'client options');
  const given = fromEnv ? fromEnv(options) : options;
  const location = { baseUrl: given.baseUrl, env: given.env, tenant: given.tenant };
  // No location given: the Node build reads it from a JWT bearer token (`iss`, `realm`).
  const unplaced = location.baseUrl === undefined && location.env === undefined;
  const baseUrl = resolveBaseUrl(unplaced && platform.locationFromToken ? platform.locationFromToken(location, options) : location);
  return Object.freeze({
    baseUrl,
    auth: resolveAuth(given, platform),
    timeout: positive(options.timeout, 'timeout', 60_000, 'a number of milliseconds > 0'),
    maxRetries: count(options.maxRetries, 'maxRetries', 2),
    retryInterval: positive(options.retryInterval, 'retryInterval', 1, 'a number of seconds > 0'),
    headers: Object.freeze(headers(options.headers)),
    logger: resolveLogger(options.logger),
    compressAbove: options.compressAbove === false ? false : count(options.compressAbove, 'compressAbove', 16_384),
    trustedOrigins: Object.freeze([baseUrl.origin, ...trustedOrigins(options.trustedOrigins)]),
    maxResponseBytes: positive(options.maxResponseBytes, 'maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES, 'a number of bytes > 0'),
  });
}

/** Default `maxResponseBytes`: 128 MiB of decoded body. */
const DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

function trustedOrigins(value: readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SparkSdkError('trustedOrigins must be an array of origins such as "https://files.example.com"', { cause: value });
  return value.map((entry: unknown, i) => {
    let url: URL | undefined;
    try { url = typeof entry === 'string' ? new URL(entry) : undefined; } catch { url = undefined; }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
      throw new SparkSdkError(`trustedOrigins[${i}] must be an http(s) origin such as "https://files.example.com" (no path, query or credentials), got ${shown(entry)}`, { cause: entry });
    }
    return url.origin;
  });
}

function resolveAuth(options: SparkClientOptions, platform: SparkPlatform): SparkAuth {
  if (options.auth !== undefined) {
    if (typeof options.auth?.authorize !== 'function') {
      throw new SparkSdkError('auth must be a value from apiKey(), bearer(), clientCredentials() or publicAccess()');
    }
    return options.auth;
  }
  // Precedence of the contract: OAuth > API key > bearer token; 'open' means public access.
  if (options.oauth !== undefined) return oauth(options.oauth, options.tokenUrl, platform);
  if (options.apiKey !== undefined) return options.apiKey === 'open' ? publicAccess() : apiKey(options.apiKey);
  if (options.token !== undefined) return options.token === 'open' ? publicAccess() : bearer(options.token);
  throw new SparkSdkError(
    'authentication is required: pass apiKey, token or oauth (or auth), set CSPARK_API_KEY, ' +
      'CSPARK_BEARER_TOKEN or CSPARK_CLIENT_ID + CSPARK_CLIENT_SECRET, or use apiKey: "open" for public services',
  );
}

function oauth(value: SparkClientOptions['oauth'], tokenUrl: string | undefined, platform: SparkPlatform): SparkAuth {
  if (!platform.oauth) {
    throw new SparkSdkError(
      'the oauth option needs the Node build of @spark/core (or @spark/sdk); elsewhere pass auth: clientCredentials({ clientId, clientSecret })',
    );
  }
  return platform.oauth(value, tokenUrl, platform);
}

function positive(value: number | undefined, field: string, fallback: number, expected: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new SparkSdkError(`${field} must be ${expected}, got ${shown(value)}`, { cause: value });
  }
  return value;
}

function count(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SparkSdkError(`${field} must be a whole number >= 0, got ${shown(value)}`, { cause: value });
  }
  return value;
}

function headers(value: Record<string, string> | undefined): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw new SparkSdkError('headers must be an object of strings');
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new SparkSdkError(`headers.${name} must be a string`, { cause: v });
    out[name.toLowerCase()] = v;
  }
  return out;
}

/** A value for a message: objects (even null-prototype ones, which `String()` rejects) by their tag. */
function shown(value: unknown): string {
  return typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : String(value);
}
