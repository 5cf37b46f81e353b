import { type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { checkCallOptions, responseError } from '@spark/core/wire';

const OPERATION = 'platform.getConfig';

/**
 * The tenant's platform settings: a flat map of setting name → string value, e.g.
 * `{ Batch_Chunk_Size: '100', EnablePublicAPI: 'True', CompilerVersion_NeuronStableLatest: 'Neuron_v1.23.1' }`.
 */
export type PlatformConfig = Record<string, string>;

/** Spark's envelope around the settings. */
interface ConfigEnvelope {
  status?: unknown;
  data?: unknown;
}

/**
 * Reads the tenant's platform configuration: `GET {origin}/api/v1/config/GetSparkConfiguration`
 * (documented as needing a bearer token). Spark wraps the settings in
 * `{ status: 'Success', data }`; any other status is reported as a `SparkApiError` naming it.
 *
 * @param core - a client from `createClient()`
 * @param options - cancellation and timeout
 * @returns the `data` map (all values are strings)
 *
 * @example
 * const config = await getPlatformConfig(spark);
 * console.log(config['Batch_Chunk_Size']); // '100'
 */
export async function getPlatformConfig(core: SparkCore, options?: CallOptions): Promise<PlatformConfig> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<ConfigEnvelope | null>({
    operation: OPERATION,
    method: 'GET',
    // Both official SDKs spell it GetSparkConfiguration; Postman writes it in lower case. The
    // route is case-insensitive, so we keep the SDKs' spelling.
    path: 'api/v1/config/GetSparkConfiguration',
    ...call,
  });
  const body = response.data;
  const status = typeof body === 'object' && body !== null ? body.status : undefined;
  if (status !== 'Success' || typeof body?.data !== 'object' || body.data === null || Array.isArray(body.data)) {
    // PY returns the raw envelope and TS an empty object here; we fail loudly instead, naming the status.
    throw responseError(OPERATION, 'GET', response, `Spark answered with status ${JSON.stringify(status ?? null)} instead of "Success"`);
  }
  return body.data as PlatformConfig;
}
