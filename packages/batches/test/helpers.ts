import { createClient, type SparkClient } from '@spark/core';

/** One request seen by the recording fetch. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  json: unknown;
}

/** A canned answer: JSON body (default `{}`), status (default 200). */
export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const BASE = 'https://excel.test.coherent.global/my-tenant';

/** A client whose fetch records every call and answers from `reply`. */
export function recorder(reply: (call: RecordedCall, n: number) => Reply = () => ({})): { spark: SparkClient; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const body = typeof init?.body === 'string' ? init.body : undefined;
    let json: unknown;
    try {
      json = body === undefined ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    const call: RecordedCall = { url: String(url), method: init?.method ?? 'GET', headers, body, json };
    calls.push(call);
    const r = reply(call, calls.length - 1);
    return new Response(JSON.stringify(r.body ?? {}), {
      status: r.status ?? 200,
      headers: { 'content-type': 'application/json', ...r.headers },
    });
  };
  const spark = createClient({ baseUrl: BASE, apiKey: 'k', fetch, maxRetries: 0 });
  return { spark, calls };
}

/** A status object as Spark sends it (singular `record_submitted`). */
export function statusBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    batch_status: 'in_progress', pipeline_status: 'idle',
    record_submitted: 0, records_completed: 0, records_available: 0,
    chunks_submitted: 0, chunks_completed: 0, chunks_available: 0,
    compute_time_ms: 0, workers_in_use: 0,
    input_buffer_used_bytes: 0, input_buffer_remaining_bytes: 1_000_000,
    output_buffer_used_bytes: 0, output_buffer_remaining_bytes: 1_000_000,
    ...over,
  };
}

/** `n` records `{ x: i }`. */
export function* numbers(n: number): Generator<{ x: number }> {
  for (let i = 0; i < n; i++) yield { x: i };
}

/** The last element matching `test` (Array#findLast is ES2023). */
export function last<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i];
  return undefined;
}
