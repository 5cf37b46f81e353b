import type { SparkClientOptions } from '@spark/core';

/**
 * Options of {@link Client} and {@link AsyncClient}: the Python SDK 0.3 client's options in
 * camelCase, plus the core client's extras (hooks, pool size, compression).
 *
 * - `baseUrl`, or `env` + `tenant` (→ `https://excel.{env}.coherent.global/{tenant}`)
 * - `apiKey` (`'open'` = public), `token` (with or without `Bearer `), `oauth`
 *   (`{ clientId, clientSecret }` or a credentials-file path)
 * - `timeout` (ms, default 60,000), `maxRetries` (default 2; 0 = none), `retryInterval` (s, default 1)
 * - `logger`, `headers`, and `fetch` (replaces Python's `http_client`)
 */
export type ClientOptions = SparkClientOptions;
