import type { SparkCore, CallOptions } from '@spark/core';
import { checkCallOptions } from '@spark/core/wire';

/** `GET {runner}/{endpoint}`: the runner's own routes have no tenant and need no credentials. */
export async function getRunnerInfo<T>(core: SparkCore, endpoint: string, operation: string, options?: CallOptions): Promise<T> {
  const call = checkCallOptions(options, operation);
  const response = await core.request<T>({
    operation,
    method: 'GET',
    url: `${core.config.baseUrl.origin}/${endpoint}`,
    auth: false,
    ...call,
  });
  return response.data;
}
