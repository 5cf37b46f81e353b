import { gunzipSync } from 'node:zlib';
import type { SparkClient, SparkFetch } from '@spark/core';
import { json } from './responses.js';
import { testClient } from './client.js';

/** One request as the injected `fetch` saw it. */
export interface RecordedCall {
  method: string;
  url: string;
  /** Path and query below the origin, e.g. `/my-tenant/api/v3/folders/f/services/s/execute`. */
  path: string;
  /** Request headers, names lower-cased; an absent header is `undefined`. */
  headers: Record<string, string>;
  /** The raw body handed to fetch (JSON text, `FormData`, bytes, …). */
  body: unknown;
  /** The body as text: a string body, or bytes decoded as UTF-8 (gunzipped when `content-encoding: gzip`). */
  text: string | undefined;
  /** `text` parsed as JSON; `undefined` when there is no text or it is not JSON. */
  json: any;
  /** The body when it is `FormData` (multipart), else `undefined`. */
  form: FormData | undefined;
}

/** An answer: a `Response` (cloned on each use), or a function of the call and its index. */
export type Reply = Response | ((call: RecordedCall, index: number) => Response | Promise<Response>);

/** What {@link recorder} returns. */
export interface Recorder {
  /** The `fetch` double, to inject with `testClient(fetch, options)` or `createClient({ fetch })`. */
  fetch: SparkFetch;
  /** Every call, in order. */
  calls: RecordedCall[];
  /** The latest call (throws when there is none). */
  readonly last: RecordedCall;
  /** A client over `fetch` (`testClient(fetch)`: base URL {@link BASE}, API key `k`, no retries). */
  readonly spark: SparkClient;
}

/**
 * A `fetch` double that records every call and answers from `replies`: call `i` gets
 * `replies[i]`, and the last reply answers every call after it (a single function answers all).
 * With no replies every call gets `200 {}`. No network is touched.
 *
 * @example
 * const rec = recorder(json({ id: 'f1' }, 201), json({}, 404));
 * await createFolder(rec.spark, { name: 'f' });
 * expect(rec.last.json).toEqual({ name: 'f' });
 */
export function recorder(...replies: Reply[]): Recorder {
  const calls: RecordedCall[] = [];
  const fetch: SparkFetch = async (input, init) => {
    const call = record(String(input), init ?? {});
    calls.push(call);
    const index = calls.length - 1;
    const reply = replies[Math.min(index, replies.length - 1)] ?? json({});
    return typeof reply === 'function' ? reply(call, index) : reply.clone();
  };
  let spark: SparkClient | undefined;
  return {
    fetch,
    calls,
    get last() {
      const call = calls[calls.length - 1];
      if (!call) throw new Error('recorder: no call was made');
      return call;
    },
    get spark() {
      return (spark ??= testClient(fetch));
    },
  };
}

function record(url: string, init: RequestInit): RecordedCall {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => { headers[key] = value; });
  const body = init.body;
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) {
    text = Buffer.from(headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
  }
  let parsed: unknown;
  if (text !== undefined) {
    try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  }
  const { pathname, search } = new URL(url);
  return {
    method: init.method ?? 'GET', url, path: pathname + search, headers, body, text, json: parsed,
    form: body instanceof FormData ? body : undefined,
  };
}
