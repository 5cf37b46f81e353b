import * as v from 'valibot';

/**
 * A string that is not blank; the parsed value is trimmed. (`@__PURE__`: esbuild and terser do
 * not read valibot's own no-side-effects marks across modules, so without it every bundle that
 * reaches this module would keep the schema and its valibot functions, used or not.)
 */
export const nonEmptyString = /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.trim(), /* @__PURE__ */ v.nonEmpty('must be a non-empty string'));

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
