/** JSON type names as the shape check sees them. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** How strictly an answer must follow its sample. */
export interface ShapeRules {
  /** Report sample keys the answer lacks (default true); false checks that the answer is a subset. */
  complete?: boolean;
  /** JSON paths whose keys are data (a model's inputs or outputs): not compared. */
  freeMaps?: readonly string[];
}

/**
 * Differences between the shape of `actual` and of a Spark `sample`: keys the sample lacks
 * (invented fields), keys the answer lacks (unless `complete: false`), and values of another
 * JSON type (a `null` on either side matches any type, as samples and answers leave optional
 * fields empty). Arrays compare their first elements.
 * @returns one line per difference, with its JSON path; empty when the shapes agree
 * @example shapeDiff({ a: 1 }, { a: 'x', b: null }) // ['$.a: number, sample has string', '$.b: missing']
 */
export function shapeDiff(actual: unknown, sample: unknown, rules: ShapeRules = {}, path = '$'): string[] {
  if (rules.freeMaps?.includes(path)) return [];
  const a = typeOf(actual);
  const s = typeOf(sample);
  if (a === 'null' || s === 'null') return [];
  if (a !== s) return [`${path}: ${a}, sample has ${s}`];
  if (a === 'array') {
    const [first] = actual as unknown[];
    const [model] = sample as unknown[];
    return first === undefined || model === undefined ? [] : shapeDiff(first, model, rules, `${path}[0]`);
  }
  if (a !== 'object') return [];
  const act = actual as Record<string, unknown>;
  const smp = sample as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(smp)) {
    if (!(key in act)) {
      if (rules.complete !== false) out.push(`${path}.${key}: missing`);
    } else out.push(...shapeDiff(act[key], smp[key], rules, `${path}.${key}`));
  }
  for (const key of Object.keys(act)) if (!(key in smp)) out.push(`${path}.${key}: not in the sample`);
  return out;
}
