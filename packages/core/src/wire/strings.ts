import * as v from 'valibot';

/** A string that is not blank; the parsed value is trimmed. */
export const nonEmptyString = v.pipe(v.string(), v.trim(), v.nonEmpty('must be a non-empty string'));

/** The `source_system` this SDK reports in request metadata unless the caller names another. */
export const SOURCE_SYSTEM = 'Spark TypeScript SDK';

/**
 * Joins a list option the way Spark expects: comma-separated, blanks dropped, `undefined` when
 * nothing is left.
 *
 * @example
 * joinList(['a', ' b ', '']) // 'a,b'
 */
export function joinList(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const joined = (Array.isArray(value) ? value : [value]).map((s) => s.trim()).filter(Boolean).join(',');
  return joined || undefined;
}
