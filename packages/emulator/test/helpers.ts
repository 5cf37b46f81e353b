import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
// The emulator cannot depend on @spark/test-utils (which depends on it): its builtins-only samples.ts, by path.
import { samplePath } from '../../../tooling/test-utils/src/samples.js';

export { samplePath };

/** Reads a shared sample as bytes. */
export function readSample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(samplePath(name)));
}

/** Reads a shared sample as JSON. */
export function readSampleJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(samplePath(name), 'utf8')) as T;
}

export const KEY = { 'x-synthetic-key': 'test-api-key' };
export const JSON_KEY = { ...KEY, 'content-type': 'application/json' };

/** POSTs JSON with the default API key and returns status + parsed body. */
export async function post(url: string, body: unknown, headers: Record<string, string> = JSON_KEY): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** GETs with the default API key and returns status + parsed body. */
export async function get(url: string, headers: Record<string, string> = KEY): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: res.headers };
}

/** Sends a request with any method and JSON body. */
export async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = JSON_KEY): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export function gzipJson(value: unknown): Uint8Array {
  return new Uint8Array(gzipSync(Buffer.from(JSON.stringify(value))));
}
