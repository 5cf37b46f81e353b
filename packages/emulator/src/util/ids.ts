import { randomUUID } from 'node:crypto';

/** A random UUIDv4. */
export function uuid(): string {
  return randomUUID();
}

/** The current time as an ISO-8601 string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Resolves after `ms` milliseconds (immediately when `ms` is not positive). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * A small deterministic PRNG (mulberry32), so fault rates are reproducible.
 * @param seed - any 32-bit integer
 * @returns a function yielding numbers in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bumps a semantic version: `minor` (default), `major` or `patch`. */
export function bumpVersion(previous: string | undefined, kind: string = 'minor'): string {
  if (!previous) return '0.1.0';
  const [ma = 0, mi = 0, pa = 0] = previous.split('.').map((n) => Number.parseInt(n, 10) || 0);
  if (kind === 'major') return `${ma + 1}.0.0`;
  if (kind === 'patch') return `${ma}.${mi}.${pa + 1}`;
  return `${ma}.${mi + 1}.0`;
}

/** Parses a boolean given as a boolean or a `"true"`/`"false"` string (any case). */
export function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

/** Narrows an unknown value to a plain object (or an empty one). */
export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A string value or `undefined`. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
