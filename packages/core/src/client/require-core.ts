import { SparkSdkError } from '../errors/sdk-error.js';
import type { SparkCore } from './types.js';

const EXPECTED = 'a Spark client (createClient(), new Client() or new AsyncClient())';

/**
 * Checks the first argument of a standalone function: anything with the core contract
 * (`createClient()`, the meta `Client` / `AsyncClient`, or a client's `spark`) passes; anything
 * else throws a {@link SparkSdkError} saying what was expected, before anything is sent.
 *
 * @param core - the value the caller passed as the client
 * @param operation - the operation id, named in the error (`batches.run`)
 * @example
 * export async function deleteFolder(core: SparkCore, id: string): Promise<void> {
 *   requireCore(core, 'folders.delete');
 *   // …
 * }
 */
export function requireCore(core: unknown, operation: string): asserts core is SparkCore {
  const c = core as Partial<SparkCore> | null | undefined;
  if (typeof c?.request !== 'function' || typeof c.download !== 'function' || typeof c.config !== 'object' || c.config === null) {
    const got = c === null ? 'null' : Array.isArray(c) ? 'an array' : typeof c === 'object' ? 'an object without request()' : typeof c;
    throw new SparkSdkError(`${operation}: the first argument must be ${EXPECTED} (got ${got})`);
  }
}
