import { SparkSdkError } from '../errors/sdk-error.js';

/**
 * Throws a {@link SparkSdkError} when a plain-JS caller passes an option key that does not
 * exist (TypeScript catches these at compile time; JavaScript would silently ignore them).
 * The message suggests the closest known key (`baseURL` → "did you mean baseUrl?"), or, when
 * nothing is close and the operation takes `inputs`, says that service inputs go there.
 * Cheap on the hot path: one `in` lookup per key given.
 *
 * @param value - the caller's options object (anything else is left to other checks)
 * @param known - every key the operation accepts
 * @param where - what to name in the message, e.g. `services.execute` or `client options`
 * @example
 * rejectUnknownKeys({ baseURL: 'http://…' }, { baseUrl: true, apiKey: true }, 'client options');
 * // SparkSdkError: client options: unknown option 'baseURL' (did you mean baseUrl?)
 */
export function rejectUnknownKeys(value: unknown, known: Readonly<Record<string, unknown>>, where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const key in value) {
    if (!Object.hasOwn(known, key) && Object.hasOwn(value, key)) throw unknownKey(key, Object.keys(known), where);
  }
}

function unknownKey(key: string, known: string[], where: string): SparkSdkError {
  const close = closest(key, known);
  const hint = close
    ? ` (did you mean ${close}?)`
    : known.includes('inputs')
      ? ': service inputs go in `inputs`'
      : ` (expected one of: ${known.join(', ')})`;
  return new SparkSdkError(`${where}: unknown option '${key}'${hint}`, { cause: key });
}

/**
 * The known key equal ignoring case, else one within 2 edits (a third of the key's length at
 * most; a swap of two letters is one edit), else the one sharing the longest start with it
 * (at least 4 letters and three quarters of the key: `maxRetry` → `maxRetries`).
 */
function closest(key: string, known: string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best) return best;
  let longest = Math.max(4, Math.ceil((lower.length * 3) / 4)) - 1;
  for (const k of known) {
    const shared = sharedStart(lower, k.toLowerCase());
    if (shared > longest) {
      best = k;
      longest = shared;
    }
  }
  return best;
}

function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Edit distance with adjacent swaps (optimal string alignment); both are short option names. */
function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
