/** Exponential backoff with jitter for attempt `n` (1-based): `[base/2, base)`, `base = min(cap, first · 2^(n-1))`. */
export function backoff(n: number, firstMs: number, capMs: number): number {
  const base = Math.min(capMs, firstMs * 2 ** Math.max(0, n - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}
