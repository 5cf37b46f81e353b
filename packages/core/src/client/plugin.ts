import type { SparkCore } from './types.js';

/**
 * A resource namespace that registers onto a client with `client.use(plugin)`.
 *
 * @example
 * export const services: SparkPlugin<'services', ServicesApi> = {
 *   key: 'services',
 *   create: (core) => ({ execute: (uri, params) => executeService(core, uri, params) }),
 * };
 */
export interface SparkPlugin<K extends string = string, A = unknown> {
  /** The namespace under which the API appears on the client. */
  readonly key: K;
  /** Builds the namespace for one client (called once per `use`). */
  create(core: SparkCore): A;
}
