import { UsageError } from './errors.js';

/** Execute parameters `-p` may set by name (camelCase or snake_case), with their kind. */
const META: Record<string, 'string' | 'boolean' | 'list'> = {
  callPurpose: 'string',
  activeSince: 'string',
  sourceSystem: 'string',
  correlationId: 'string',
  outputsFilter: 'string',
  compilerType: 'string',
  subservices: 'list',
  selectedOutputs: 'list',
  tablesAsArray: 'list',
  debugSolve: 'boolean',
  echoInputs: 'boolean',
  downloadable: 'boolean',
};

/**
 * Turns `-p key:value` flags into execute parameters: known request-meta names (`call_purpose`,
 * `echoInputs`, `selected_outputs:a,b`, …) become typed parameters; any other key goes to
 * `extras` as is, its value read as a number, boolean or `null` when it looks like one.
 *
 * @param pairs - the flag values
 * @returns parameters to spread into `services.execute`
 * @example
 * parseMetaPairs(['call_purpose:Quote', 'echo_inputs:true', 'x_rate:0.5']);
 * // { callPurpose: 'Quote', echoInputs: true, extras: { x_rate: 0.5 } }
 */
export function parseMetaPairs(pairs: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const extras: Record<string, unknown> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon <= 0) throw new UsageError(`-p must be key:value (e.g. -p call_purpose:Quote), got "${pair.slice(0, 40)}"`);
    const key = pair.slice(0, colon).trim();
    const value = pair.slice(colon + 1).trim();
    const name = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const kind = META[name];
    if (kind === undefined) extras[key] = infer(value);
    else if (kind === 'boolean') {
      if (value !== 'true' && value !== 'false') throw new UsageError(`-p ${key} must be true or false, got "${value}"`);
      params[name] = value === 'true';
    } else params[name] = kind === 'list' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  }
  if (Object.keys(extras).length > 0) params['extras'] = extras;
  return params;
}

function infer(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  if (value === 'null') return null;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(value)) return Number(value);
  return value;
}
