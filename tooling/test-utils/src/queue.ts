import { createClient, type SparkClient } from '@spark/core';

/* A fetch double answering from a queue of replies (the last one repeats): used by the folders, history and transforms wire tests. */

/** One request as the injected `fetch` saw it. */
export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body handed to fetch (JSON text, FormData, bytes, …). */
  body: unknown;
  /** The body parsed as JSON (throws when it is not JSON text). */
  json(): any;
  /** The body as FormData (throws when it is not multipart). */
  form(): FormData;
}

export type Reply = Response | ((request: Recorded) => Response | Promise<Response>);

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A binary response. */
export function bytes(data: Uint8Array | string, contentType = 'application/octet-stream', headers: Record<string, string> = {}): Response {
  return new Response(typeof data === 'string' ? data : (data as BodyInit), { status: 200, headers: { 'content-type': contentType, ...headers } });
}

export const ORIGIN = 'https://excel.test.coherent.global';
export const BASE = `${ORIGIN}/my-tenant`;

/**
 * A client whose `fetch` records every request and answers from a queue of replies (the last
 * one repeats). No network is touched.
 */
export function recorder(...replies: Reply[]): { spark: SparkClient; calls: Recorded[] } {
  const calls: Recorded[] = [];
  let next = 0;
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => { headers[key] = value; });
    const body = init?.body;
    const recorded: Recorded = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers,
      body,
      json: () => JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array)),
      form: () => {
        if (!(body instanceof FormData)) throw new Error(`body is not FormData: ${String(body)}`);
        return body;
      },
    };
    calls.push(recorded);
    const reply = replies[Math.min(next++, replies.length - 1)];
    if (!reply) throw new Error('no reply queued');
    return typeof reply === 'function' ? reply(recorded) : reply.clone();
  };
  const spark = createClient({ baseUrl: BASE, apiKey: 'k', fetch, maxRetries: 0, logger: false });
  return { spark, calls };
}

/** Captures the rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A Spark folder-API success envelope. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): Response {
  return json({ status: 'Success', message: null, errorCode: null, data, ...extra });
}
