import type { CallOptions, ServiceUriInput, SparkCore, SparkDownload, SparkPlugin } from '@spark/core';
import { downloadWasm } from './download-wasm.js';

/** The `wasm` namespace of a client. */
export interface WasmApi {
  /** See {@link downloadWasm}. */
  download(uri: ServiceUriInput, options?: CallOptions): Promise<SparkDownload>;
}

/**
 * Binds the WASM operations to one client.
 *
 * @example
 * const pkg = await createWasmApi(spark).download('version/9129…');
 */
export function createWasmApi(core: SparkCore): WasmApi {
  return { download: (uri, options) => downloadWasm(core, uri, options) };
}

/**
 * The WASM plugin: `createClient(opts).use(wasm)` adds `client.wasm`.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey }).use(wasm);
 * const zip = await (await spark.wasm.download('my-folder/volume-cylinder')).bytes();
 */
export const wasm: SparkPlugin<'wasm', WasmApi> = { key: 'wasm', create: createWasmApi };
