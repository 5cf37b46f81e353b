import type { ExecuteResult } from '@spark/services';
import { h, table } from './dom.js';

/**
 * The words of a Spark warning or error entry (`{ message }`, a string, or JSON of anything else).
 *
 * @param entry - one entry of `warnings[n]` / `errors[n]`
 * @returns text to show
 * @example
 * messageOf({ source_path: 'Default Values', message: 'Input parameter missing for …' });
 */
export function messageOf(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const message = (entry as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : JSON.stringify(entry);
}

/**
 * The entries of a per-record warnings/errors slot (Spark sends `null`, one entry or a list).
 *
 * @param slot - `warnings[n]` or `errors[n]`
 * @returns the entries
 * @example
 * entries(result.warnings[0]).map(messageOf);
 */
export function entries(slot: unknown): unknown[] {
  if (slot === null || slot === undefined) return [];
  return Array.isArray(slot) ? slot : [slot];
}

/**
 * Shows one execution: its outputs as a name/value table, the warnings and errors Spark
 * returned (e.g. an input that used its default value) and the call id.
 *
 * @param container - where the result goes (replaced)
 * @param result - `executeService()`'s result for one record
 * @example
 * showResult(byId('result'), await executeService(spark, uri, { inputs }));
 */
export function showResult(container: HTMLElement, result: ExecuteResult): void {
  const outputs = result.outputs[0] ?? {};
  const warnings = entries(result.warnings[0]).map(messageOf);
  const errors = entries(result.errors[0]).map(messageOf);
  const facts = [`call id ${result.call_id ?? '(none)'}`, result.version ? `version ${result.version}` : '', result.process_time[0] !== undefined ? `${result.process_time[0]} ms` : '']
    .filter(Boolean)
    .join(' · ');
  container.replaceChildren(
    h('h3', {}, 'Outputs'),
    table(['output', 'value'], Object.entries(outputs)),
    ...(warnings.length ? [h('h3', {}, 'Warnings'), h('ul', { class: 'warnings' }, ...warnings.map((w) => h('li', {}, w)))] : []),
    ...(errors.length ? [h('h3', {}, 'Errors'), h('ul', { class: 'errors' }, ...errors.map((e) => h('li', {}, e)))] : []),
    h('p', { class: 'facts', 'data-call-id': result.call_id ?? '' }, facts),
  );
}
