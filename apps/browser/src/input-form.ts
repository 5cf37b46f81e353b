import type { InputField } from './describe-service.js';
import { h } from './dom.js';
import { PageInputError } from './page-input-error.js';

function hint(field: InputField): string {
  const parts: string[] = [field.type];
  if (field.defaultValue !== undefined) parts.push(`default ${JSON.stringify(field.defaultValue)}`);
  if (field.min !== undefined || field.max !== undefined) parts.push(`${field.min ?? '−∞'} … ${field.max ?? '∞'}`);
  if (field.options) parts.push(`one of ${field.options.map((o) => JSON.stringify(o)).join(', ')}`);
  return parts.join(' · ');
}

function control(field: InputField, id: string): HTMLElement {
  const placeholder = field.defaultValue === undefined ? '' : `default: ${typeof field.defaultValue === 'object' ? JSON.stringify(field.defaultValue) : String(field.defaultValue)}`;
  const common = { id, name: field.name, 'data-type': field.type };
  if (field.options) {
    const blank = h('option', { value: '' }, placeholder || '(no value)');
    return h('select', common, blank, ...field.options.map((o) => h('option', { value: JSON.stringify(o) }, String(o))));
  }
  if (field.type === 'table') return h('textarea', { ...common, rows: 3, placeholder: placeholder || 'JSON, e.g. [{"a":1}]' });
  if (field.type === 'boolean') {
    return h('select', common, h('option', { value: '' }, placeholder || '(no value)'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
  }
  const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
  return h('input', { ...common, type, step: type === 'number' ? 'any' : undefined, min: field.min, max: field.max, placeholder });
}

/**
 * Renders one labelled control per input: its type, default (as placeholder: left empty, the
 * service applies it and says so in a warning) and constraints (min/max, list of options).
 *
 * @param container - where the fields go (replaced)
 * @param fields - from `describeService()`
 * @example
 * renderFields(byId('fields'), fields);
 */
export function renderFields(container: HTMLElement, fields: InputField[]): void {
  container.replaceChildren(
    ...fields.flatMap((field, i) => {
      const id = `input-${i}`;
      const label = h('label', { for: id }, field.name, h('small', {}, hint(field)));
      if (field.description) label.title = field.description;
      return [label, control(field, id)];
    }),
  );
}

function parse(field: InputField, raw: string): unknown {
  if (field.options || field.type === 'boolean' || field.type === 'table') {
    try {
      return JSON.parse(raw);
    } catch {
      throw new PageInputError(`Input "${field.name}" must be JSON (e.g. [{"a":1}]), got ${raw.slice(0, 40)}`);
    }
  }
  if (field.type !== 'number') return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new PageInputError(`Input "${field.name}" must be a number, got "${raw}".`);
  if (field.min !== undefined && n < field.min) throw new PageInputError(`Input "${field.name}" must be at least ${field.min}, got ${n}.`);
  if (field.max !== undefined && n > field.max) throw new PageInputError(`Input "${field.name}" must be at most ${field.max}, got ${n}.`);
  return n;
}

/**
 * Reads the form back as one record of typed values, checked against the constraints the
 * service declares; empty fields are left out so the service uses its defaults.
 *
 * @param container - the fields' container
 * @param fields - the fields it renders
 * @returns the inputs record
 * @example
 * await executeService(spark, uri, { inputs: readInputs(byId('fields'), fields) });
 */
export function readInputs(container: HTMLElement, fields: InputField[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const el = container.querySelector<HTMLInputElement>(`#input-${i}`);
    const raw = el?.value.trim() ?? '';
    if (raw !== '') record[field.name] = parse(field, raw);
  });
  return record;
}
