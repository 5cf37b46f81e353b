import type { SparkHookContext } from '../transport/hooks.js';

type Attributes = Record<string, string | number | boolean>;

const BATCH = /\/api\/v4\/batch\/([^/?#]+)/;

/**
 * The batch id a URL addresses (`…/api/v4/batch/{id}[/chunks|/results|/status]`), if any.
 *
 * @example
 * batchIdOf('https://h/t/api/v4/batch/b-1/chunks') // 'b-1'
 */
export function batchIdOf(url: string): string | undefined {
  const match = BATCH.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/**
 * A call's span attributes known before it is sent: method, URL (without its query), operation,
 * and what the operation said about itself (service URI, record count). Headers and bodies, where
 * credentials and inputs travel, are never read.
 *
 * @example
 * callFacts(ctx) // { 'http.request.method': 'POST', 'url.full': '…/execute', 'spark.operation': 'services.execute', 'spark.service.uri': 'f/s' }
 */
export function callFacts(ctx: SparkHookContext): Attributes {
  const query = ctx.url.search(/[?#]/);
  return {
    'http.request.method': ctx.method,
    'url.full': query < 0 ? ctx.url : ctx.url.slice(0, query),
    'spark.operation': ctx.operation,
    ...ctx.call.attributes,
  };
}

/**
 * What a successful answer tells about the call: the service's version id and Spark's call id
 * (v3 `response_meta`, or the top level of a v4 answer), and a batch's id and record counts.
 *
 * @example
 * runFacts({ response_meta: { version_id: 'v', call_id: 'c' } }) // { 'spark.version_id': 'v', 'spark.call_id': 'c' }
 */
export function runFacts(data: unknown): Attributes {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const body = data as Record<string, unknown>;
  const meta = typeof body['response_meta'] === 'object' && body['response_meta'] !== null ? (body['response_meta'] as Record<string, unknown>) : body;
  const out: Attributes = {};
  copy(out, 'spark.version_id', meta['version_id']);
  copy(out, 'spark.call_id', meta['call_id']);
  copy(out, 'spark.batch.records_completed', body['records_completed']);
  copy(out, 'spark.batch.record_submitted', body['record_submitted']);
  return out;
}

function copy(out: Attributes, key: string, value: unknown): void {
  if (typeof value === 'string' && value !== '') out[key] = value;
  else if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
}
