import { createClient, type SparkClientOptions } from '@spark/core';
import { gunzipSync } from 'node:zlib';

/** One request the fake `fetch` saw. */
export interface Call {
  url: string;
  method: string;
  /** Path + query below the origin, e.g. `/my-tenant/api/v3/...`. */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body (gunzipped when needed), or undefined. */
  json: unknown;
  text: string | undefined;
  form: FormData | undefined;
}

/** A canned answer. */
export interface Reply {
  status?: number;
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

const BASE_URL = 'https://excel.test.coherent.global/my-tenant';
const ORIGIN = 'https://excel.test.coherent.global';

/**
 * A fake `fetch` that records every call and answers from a queue (the last reply repeats;
 * `{}` when none was given), or from a function of the call.
 */
export function recorder(...replies: (Reply | ((call: Call) => Reply))[]) {
  const calls: Call[] = [];
  const queue = [...replies];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => { headers[key] = value; });
    let text: string | undefined;
    let form: FormData | undefined;
    const body = init.body;
    if (typeof body === 'string') text = body;
    else if (body instanceof Uint8Array) text = headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString('utf8') : Buffer.from(body).toString('utf8');
    else if (body instanceof FormData) form = body;
    let json: unknown;
    if (text !== undefined) { try { json = JSON.parse(text); } catch { json = undefined; } }
    const parsed = new URL(url);
    const call: Call = { url, method: init.method ?? 'GET', path: parsed.pathname + parsed.search, headers, json, text, form };
    calls.push(call);
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    const reply = typeof next === 'function' ? next(call) : next ?? { json: {} };
    const status = reply.status ?? 200;
    const responseHeaders = new Headers(reply.headers);
    let payload: BodyInit | null = null;
    if (reply.json !== undefined) {
      payload = JSON.stringify(reply.json);
      if (!responseHeaders.has('content-type')) responseHeaders.set('content-type', 'application/json');
    } else if (reply.body !== undefined) {
      payload = reply.body as BodyInit;
    }
    return new Response(payload, { status, headers: responseHeaders });
  };
  return { fetch, calls, get last(): Call { return calls[calls.length - 1]!; } };
}

/** A client over a recorder, with retries off (error tests stay fast). */
export function clientFor(rec: ReturnType<typeof recorder>, options: SparkClientOptions = {}) {
  return createClient({ baseUrl: BASE_URL, apiKey: 'k', fetch: rec.fetch, maxRetries: 0, ...options });
}

/** The v3 envelope Spark wraps service answers in. */
export function v3<D>(responseData: D, responseMeta: Record<string, unknown> = {}) {
  return { status: 'Success', response_data: responseData, response_meta: { system: 'SPARK', ...responseMeta }, error: null };
}
