import type { DisposableSymbols } from './disposable.js';
import type { SparkPlugin } from './plugin.js';
import type { SparkCore } from './types.js';

/**
 * A client: the shared core plus the namespaces registered with `use()`. Disposable with
 * `using` (aborts in-flight calls) and `await using` (drains them first).
 *
 * @example
 * await using spark = createClient({ baseUrl, auth: apiKey(key) }).use(services);
 * await spark.services.execute('my-folder/my-service', { inputs: { x: 1 } });
 */
export type SparkClient<N extends object = {}> = SparkCore &
  N & {
    /** Returns a new client sharing this one's core, with the plugin's namespace added. */
    use<K extends string, A>(plugin: SparkPlugin<K, A>): SparkClient<N & { readonly [P in K]: A }>;
    /** Aborts in-flight calls with `SparkClosedError`, releases the connection pool. Idempotent. */
    close(): void;
    /** Refuses new calls, waits for in-flight ones to settle, then releases the pool. */
    closeGracefully(): Promise<void>;
    /** Number of calls in flight. */
    readonly pending: number;
    [Symbol.dispose](): void;
    [Symbol.asyncDispose](): Promise<void>;
  };

/**
 * Kept so that the published `spark-client.d.ts` imports `disposable.d.ts` (its global
 * `Symbol.dispose` declarations); nothing imports it by name.
 * @internal @lintignore
 */
export type { DisposableSymbols };
