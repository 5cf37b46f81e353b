import { createClient, type SparkClient, type SparkClientOptions, type SparkFetch } from '@spark/core';

/* A fetch double answering through a responder function or a list: used by the health, platform, files, wasm, impex and hybrid wire tests. */

/** Base URL used by the wire tests (never contacted: the recorder answers). */
export const BASE = 'https://excel.test.coherent.global/my-tenant';

/** One request as the injected `fetch` saw it. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  /** The raw body (`string` for JSON/form, `FormData` for multipart, bytes, …). */
  body: unknown;
  /** The body parsed as JSON when it is a JSON string. */
  json: unknown;
}

/** Answers one recorded call. */
export type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>;

/** A `fetch` double that records every call and answers with `respond`. */
export function recorder(respond: Responder | Response[] = () => json(200, {})): { calls: RecordedCall[]; fetch: SparkFetch } {
  const calls: RecordedCall[] = [];
  const fetch: SparkFetch = async (input, init) => {
    const body = init?.body;
    let parsed: unknown;
    if (typeof body === 'string') {
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
    }
    const call: RecordedCall = { url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body, json: parsed };
    calls.push(call);
    const index = calls.length - 1;
    if (Array.isArray(respond)) {
      const response = respond[Math.min(index, respond.length - 1)];
      if (!response) throw new Error('no response queued');
      return response.clone();
    }
    return respond(call, index);
  };
  return { calls, fetch };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A binary response. */
export function bytes(data: Uint8Array | string, type = 'application/zip', headers: Record<string, string> = {}): Response {
  const body = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Response(body as BodyInit, { status: 200, headers: { 'content-type': type, ...headers } });
}

/** A client wired to a recorder, with retries off. */
export function testClient(fetch: SparkFetch, options: SparkClientOptions = {}): SparkClient {
  return createClient({ baseUrl: BASE, apiKey: 'k', maxRetries: 0, fetch, ...options });
}
