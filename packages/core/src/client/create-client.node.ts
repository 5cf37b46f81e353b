import { setMaxListeners } from 'node:events';
import { withEnvOptions } from '../config/env-options.js';
import { locationFromToken } from '../config/jwt-location.js';
import { oauthOption } from '../config/oauth-option.js';
import type { SparkClientOptions } from '../config/options.js';
import { connectionHint } from '../transport/connection-hint.js';
import { nodeTransport } from '../transport/node-transport.js';
import { installAutoTracing } from '../tracing/auto-tracing.js';
import { createCore } from './create-core.js';
import type { SparkClient } from './spark-client.js';

/**
 * Creates a Spark client (Node build: a pooled keep-alive `node:http` transport owned by
 * the client, HTTP(S) proxies and extra CA certificates, OAuth credentials files, and
 * OpenTelemetry tracing whenever `@opentelemetry/api` is installed (`tracing: false` to opt out)). See
 * the default build for the options.
 *
 * @example
 * await using spark = createClient({ env: 'uat.us', tenant: 'my-tenant', oauth: './ccg.json' });
 */
export function createClient(options?: SparkClientOptions): SparkClient {
  // A proxy's CONNECT may take as long as a request may (its socket is closed after that).
  const network = { proxy: options?.proxy, ca: options?.ca, connectTimeout: options?.timeout };
  const client = createCore(options, {
    transport: (base) => nodeTransport({ ...base, ...network }),
    // Loaded when first used: a credentials file, or SparkDownload.toFile().
    readTextFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
    writeStream: async (stream, path) => (await import('../jobs/write-file.node.js')).writeStreamToFile(stream, path),
    unlimitListeners: (signal) => setMaxListeners(0, signal),
    oauth: oauthOption,
    locationFromToken,
    fromEnv: withEnvOptions,
    connectionHint,
  });
  if (options?.tracing !== false) installAutoTracing(client.hooks, () => import('@opentelemetry/api'));
  return client;
}
