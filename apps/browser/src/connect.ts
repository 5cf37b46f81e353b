import { apiKey, bearer, createClient, publicAccess, type SparkAuth, type SparkClient } from '@spark/core';
import { PageInputError } from './page-input-error.js';
import { EMULATOR_BASE_URL, type Settings } from './settings.js';


function checkBaseUrl(baseUrl: string): string {
  const value = baseUrl.trim();
  if (value === '') throw new PageInputError(`Enter the Spark base URL (with the tenant), e.g. ${EMULATOR_BASE_URL} for the emulator.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PageInputError(`The base URL "${value}" is not a URL: expected e.g. ${EMULATOR_BASE_URL}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PageInputError(`The base URL must start with http:// or https://, got "${value}".`);
  }
  return value;
}

function authFor(settings: Settings): SparkAuth {
  const secret = settings.secret.trim();
  if (settings.auth === 'public') return publicAccess();
  if (secret === '') {
    throw new PageInputError(
      settings.auth === 'bearer' ? 'Enter a bearer token, or choose public access.' : 'Enter an API key, or choose a bearer token or public access.',
    );
  }
  return settings.auth === 'bearer' ? bearer(secret) : apiKey(secret);
}

/**
 * Builds a client from the page's settings, checking the base URL first and the credentials
 * second, so the message names the first thing to fix.
 *
 * @param settings - the connection fields
 * @param allowKey - the "send the key anyway" box: without it core's browser guard refuses an API key
 * @returns a client (close it when done)
 * @example
 * const spark = connect({ baseUrl, auth: 'bearer', secret: token, remember: false, service }, false);
 */
export function connect(settings: Settings, allowKey: boolean): SparkClient {
  const baseUrl = checkBaseUrl(settings.baseUrl);
  const auth = authFor(settings);
  // No retries: a person is waiting, and a refused connection should say so at once.
  return createClient({ baseUrl, auth, maxRetries: 0, ...(allowKey ? { allowBrowser: true } : {}) });
}
