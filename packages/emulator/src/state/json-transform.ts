/**
 * A deliberately small subset of Spark "JSONtransforms" (JSONata-like) templates:
 *
 *   {'key': PATH, 'other': PATH >= N ? PATH, 'const': 'text' | 123}
 *
 * where PATH is `$` followed by `.name` or `.'quoted name'` segments (e.g. `$.a.b`,
 * `$.'radius_field'`, `$.response_data.outputs.volume`). A `cond ? value` guard keeps the
 * value only when `PATH op N` holds (ops: >=, <=, >, <, =, !=). Anything else (JSONata
 * functions, arrays, nesting) is not supported: the caller falls back to pass-through.
 */
export function applyTemplate(template: string, input: unknown): Record<string, unknown> | undefined {
  const body = template.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return undefined;
  const out: Record<string, unknown> = {};
  for (const entry of splitTop(body.slice(1, -1))) {
    const m = /^\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_$][\w$]*))\s*:\s*([\s\S]+)$/.exec(entry);
    if (!m) return undefined;
    const key = (m[1] ?? m[2] ?? m[3]) as string;
    const value = evaluate((m[4] as string).trim(), input);
    if (value === INVALID) return undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const INVALID = Symbol('invalid');

function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) parts.push(text.slice(start));
  return parts;
}

function evaluate(expr: string, input: unknown): unknown {
  const q = expr.indexOf('?');
  if (q !== -1) {
    const cond = /^(.+?)\s*(>=|<=|!=|=|>|<)\s*(-?[\d.]+)$/.exec(expr.slice(0, q).trim());
    if (!cond) return INVALID;
    const left = Number(readPath((cond[1] as string).trim(), input));
    const right = Number(cond[3]);
    const ok = { '>=': left >= right, '<=': left <= right, '!=': left !== right, '=': left === right, '>': left > right, '<': left < right }[cond[2] as string];
    return ok ? evaluate(expr.slice(q + 1).trim(), input) : undefined;
  }
  if (expr.startsWith('$')) {
    const v = readPath(expr, input);
    return v === INVALID ? INVALID : v;
  }
  if (/^'[^']*'$|^"[^"]*"$/.test(expr)) return expr.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(expr)) return Number(expr);
  if (expr === 'true' || expr === 'false' || expr === 'null') return JSON.parse(expr);
  return INVALID;
}

function readPath(path: string, input: unknown): unknown {
  if (!path.startsWith('$')) return INVALID;
  const segs: string[] = [];
  const re = /\.(?:'([^']*)'|"([^"]*)"|([\w$-]+))/y;
  let pos = 1;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m) return INVALID;
    segs.push((m[1] ?? m[2] ?? m[3]) as string);
    pos = re.lastIndex;
  }
  let cur: unknown = input;
  for (const s of segs) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[s] : undefined;
  return cur;
}
