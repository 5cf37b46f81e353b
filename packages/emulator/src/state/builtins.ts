import type { JsonObject, ModelDefinition } from '../types.js';

function num(value: unknown, name: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`input "${name}" must be a number`);
  return n;
}

/** `volume = π·r²·h` — the demo service of the SDK docs (defaults r=7, h=4 like the real package). */
const volumeCylinder: ModelDefinition = {
  description: 'Volume of a cylinder: V = Pi * r * r * h',
  inputs: [
    { name: 'height', description: 'Height of the cylinder', defaultValue: 4 },
    { name: 'radius', description: 'Radius of the cylinder', defaultValue: 7 },
  ],
  outputs: ['volume'],
  metadata: { 'Metadata.Shape': 'cylinder' },
  execute: (inputs) => {
    const r = num(inputs['radius'], 'radius');
    const h = num(inputs['height'], 'height');
    return { volume: Math.PI * r * r * h };
  },
};

/** `sum = a + b`. */
const sum: ModelDefinition = {
  description: 'Adds two numbers',
  inputs: [
    { name: 'a', defaultValue: 0 },
    { name: 'b', defaultValue: 0 },
  ],
  outputs: ['sum'],
  execute: (inputs) => ({ sum: num(inputs['a'], 'a') + num(inputs['b'], 'b') }),
};

/** Echoes its inputs back as outputs (handy for wire tests). */
const echo: ModelDefinition = {
  description: 'Returns its inputs as outputs',
  outputs: [],
  proxy: 'echo',
  execute: (inputs) => ({ ...inputs }),
};

/** Loan payment: `payment = P·r / (1 − (1+r)^−n)` with monthly rate r. */
const loanPayment: ModelDefinition = {
  description: 'Monthly payment of an amortising loan',
  inputs: [
    { name: 'principal', defaultValue: 100000, min: 0 },
    { name: 'annual_rate', defaultValue: 0.05, min: 0, max: 1 },
    { name: 'years', defaultValue: 30, options: [10, 15, 20, 25, 30] },
  ],
  outputs: ['payment', 'total_paid'],
  execute: (inputs) => {
    const p = num(inputs['principal'], 'principal');
    const r = num(inputs['annual_rate'], 'annual_rate') / 12;
    const n = num(inputs['years'], 'years') * 12;
    const payment = r === 0 ? p / n : (p * r) / (1 - (1 + r) ** -n);
    return { payment: Math.round(payment * 100) / 100, total_paid: Math.round(payment * n * 100) / 100 };
  },
};

/** Always fails: exercises error paths. */
const fail: ModelDefinition = {
  description: 'Throws for every call',
  execute: (inputs: JsonObject) => {
    throw new Error(`model failure (inputs: ${Object.keys(inputs).join(',') || 'none'})`);
  },
};

/** Built-in models by `folder/service`. */
export const BUILTIN_MODELS: Record<string, ModelDefinition> = {
  'my-folder/volume-cylinder': volumeCylinder,
  'test-folder/volume-cylinder': volumeCylinder,
  'my-folder/sum': sum,
  'my-folder/echo': echo,
  'my-folder/loan-payment': loanPayment,
  'my-folder/fail': fail,
};

/** Built-in models by short name (used when re-creating exported JS models). */
export const BUILTIN_BY_NAME: Record<string, ModelDefinition> = {
  'volume-cylinder': volumeCylinder,
  sum,
  echo,
  'loan-payment': loanPayment,
  fail,
};
