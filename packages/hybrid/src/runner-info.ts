import type { SparkCore } from '@spark/core';
import { callOptions } from './call-options.js';
import type { HybridCallOptions } from './types.js';

/** `GET {runner}/{endpoint}`: the runner's own routes have no tenant and need no credentials. */
export async function getRunnerInfo<T>(core: SparkCore, endpoint: string, operation: string, options?: HybridCallOptions): Promise<T> {
  const { signal, timeout } = callOptions(options, operation);
  const response = await core.request<T>({
    operation,
    method: 'GET',
    url: `${core.config.baseUrl.origin}/${endpoint}`,
    auth: false,
    signal,
    timeout,
  });
  return response.data;
}
