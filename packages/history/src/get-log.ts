import * as v from 'valibot';
import { parseParams, pathSegment, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import type { DetailedLog } from './types.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions, responseError } from '@spark/core/wire';

const OPERATION = 'logs.get';
const Schema = v.object({ callId: nonEmptyString, ...callOptionsEntries });

/**
 * Fetches the detailed log of one execution: its inputs, outputs and metadata.
 *
 * Wire: `GET {full}/api/v3/log/getexecutionhistorybycallid/{callId}`. Spark returns the log as a
 * JSON *string* in `response_data`; it is parsed here.
 *
 * @param core - a client from `createClient()`
 * @param callId - the `call_id` of an execution
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the parsed log; a log that is not JSON rejects with a `SparkApiError` saying so
 *
 * @example
 * const log = await getLog(spark, result.call_id!);
 * console.log(log.EngineDetails.request_data.inputs, log.EngineDetails.response_data.outputs);
 */
export async function getLog<I = Record<string, unknown>, O = Record<string, unknown>>(
  core: SparkCore,
  callId: string,
  options: CallOptions = {},
): Promise<DetailedLog<I, O>> {
  requireCore(core, OPERATION);
  const params = parseParams(Schema, { ...options, callId }, OPERATION);
  const response = await core.request<{ response_data?: unknown } | null>({
    operation: OPERATION,
    method: 'GET',
    path: `api/v3/log/getexecutionhistorybycallid/${pathSegment(params.callId, 'callId')}`,
    ...pickCallOptions(params),
  });
  const fail = (detail: string) => responseError(OPERATION, 'GET', response, detail);
  const raw = response.data?.response_data;
  let log: unknown = raw;
  if (typeof raw === 'string') {
    try {
      log = JSON.parse(raw);
    } catch {
      throw fail(`the log of call ${params.callId} (response_data) is not valid JSON`);
    }
  }
  if (typeof log !== 'object' || log === null || Array.isArray(log)) throw fail(`Spark returned no log for call ${params.callId}`);
  return log as DetailedLog<I, O>;
}
