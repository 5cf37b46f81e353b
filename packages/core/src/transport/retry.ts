import type { HeaderReader } from './types.js';

/** Statuses retried for every method: the server did not process the request. */
const ALWAYS = new Set([408, 429, 503]);
/** Statuses retried only when repeating the request is safe. */
const IF_IDEMPOTENT = new Set([502, 504]);

/** Whether a response status may be retried. */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  return ALWAYS.has(status) || (idempotent && IF_IDEMPOTENT.has(status));
}

/** Longest server-requested wait the SDK honours before giving up instead (ms). */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * Reads `x-retry-after` or `Retry-After` (seconds, possibly fractional, or an HTTP date) in ms.
 * Returns `undefined` when absent or unreadable.
 */
export function retryAfterMs(headers: HeaderReader, now = Date.now()): number | undefined {
  const raw = headers.get('x-retry-after') ?? headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with jitter: retry `n` (1-based) waits a random time in
 * `[base/2, base)` where `base = interval * 2^(n-1)`, capped at 30 s.
 */
export function backoffMs(retry: number, intervalSeconds: number, random = Math.random): number {
  const base = Math.min(30_000, intervalSeconds * 1000 * 2 ** (retry - 1));
  return Math.round(base / 2 + random() * (base / 2));
}
