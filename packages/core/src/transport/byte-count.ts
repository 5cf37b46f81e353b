/**
 * The one rule for a per-call `maxResponseBytes`: a whole number of decoded bytes > 0. The
 * operations' option schemas check it before anything is sent, and `send()` again for a
 * `request()` or `download()` called directly (where `Infinity`, `NaN` or `'5'` would lift the cap).
 *
 * @example
 * isByteCount(1024); // true
 * isByteCount(Infinity); // false
 */
export function isByteCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}
