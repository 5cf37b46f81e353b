import { BaseClient } from './base-client.js';
import { optionsFromConfig, type SparkConfig } from '@spark/core';
import type { ClientOptions } from './options.js';
import { checkSparkHealth, downloadSparkFile } from './statics.js';

/**
 * The Spark client for `await using`: `close()` refuses new calls, waits for in-flight
 * ones to settle, then releases the connection pool.
 *
 * @example
 * import { AsyncClient } from '@spark/sdk';
 * await using spark = new AsyncClient({ baseUrl: 'http://127.0.0.1:4010/my-tenant', apiKey: 'test-api-key' });
 * await Promise.all(records.map((inputs) => spark.services.execute('my-folder/my-service', { inputs })));
 */
export class AsyncClient extends BaseClient {
  /** Health of a Spark environment, without a client (see {@link checkSparkHealth}). */
  static readonly healthCheck = checkSparkHealth;
  /** Downloads a Spark file without a client (see {@link downloadSparkFile}). */
  static readonly download = downloadSparkFile;

  /** A new, independent client (its own pool) with an existing client's configuration. */
  static use(config: SparkConfig, overrides?: ClientOptions): AsyncClient {
    return new AsyncClient(optionsFromConfig(config, overrides));
  }

  /** Stops new calls, drains in-flight ones, then releases the pool. */
  close(): Promise<void> {
    return this.core.closeGracefully();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
