import { BaseClient } from './base-client.js';
import { optionsFromConfig, type SparkConfig } from '@spark/core';
import type { ClientOptions } from './options.js';
import { checkSparkHealth, downloadSparkFile } from './statics.js';

/**
 * The Spark client for scoped use with `using`: `close()` aborts in-flight calls with
 * `SparkClosedError` and releases the connection pool at once.
 *
 * @example
 * import { Client } from '@spark/sdk';
 * using spark = new Client({ env: 'my-env', tenant: 'my-tenant', apiKey: 'my-api-key' });
 * const { outputs } = await spark.services.execute('my-folder/my-service', { inputs: { value: 42 } });
 */
export class Client extends BaseClient {
  /** Health of a Spark environment, without a client (see {@link checkSparkHealth}). */
  static readonly healthCheck = checkSparkHealth;
  /** Downloads a Spark file without a client (see {@link downloadSparkFile}). */
  static readonly download = downloadSparkFile;

  /** A new, independent client (its own pool) with an existing client's configuration. */
  static use(config: SparkConfig, overrides?: ClientOptions): Client {
    return new Client(optionsFromConfig(config, overrides));
  }

  /** Aborts in-flight calls and releases the pool; every later call rejects with `SparkClosedError`. */
  close(): void {
    this.core.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
