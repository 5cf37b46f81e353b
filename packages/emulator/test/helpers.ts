import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Absolute path of a file in ../shared/spark-api/samples (beside the repo clone). */
export function samplePath(name: string): string {
  return fileURLToPath(new URL(`../../../../shared/spark-api/samples/${name}`, import.meta.url));
}

/** True when a shared sample exists (tests skip otherwise). */
export function hasSample(name: string): boolean {
  return existsSync(samplePath(name));
}

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
