type Attrs = Record<string, string | number | boolean | undefined>;

/**
 * Creates an element with attributes (`false`/`undefined` skipped) and text or element children.
 *
 * @param tag - element name
 * @param attrs - attributes
 * @param children - text (set as text, never parsed as HTML) or elements
 * @returns the element
 * @example
 * h('label', { for: 'radius' }, 'Radius');
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

/**
 * The element with this id, or an error naming it (the page's HTML and code disagree).
 *
 * @param id - element id
 * @returns the element
 * @example
 * const form = byId<HTMLFormElement>('inputs-form');
 */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

/** States of the status line (also the `data-state` the e2e test waits for). */
export type Status = 'idle' | 'running' | 'done' | 'error';

/**
 * Shows a status: a headline and, for errors, the details underneath.
 *
 * @param state - the new state
 * @param headline - one sentence
 * @param detail - e.g. the error's `Name: message`
 * @example
 * setStatus('running', 'Loading the form…');
 */
export function setStatus(state: Status, headline: string, detail = ''): void {
  const status = byId<HTMLOutputElement>('status');
  status.dataset['state'] = state;
  status.replaceChildren(h('strong', {}, headline), ...(detail ? [h('code', {}, detail)] : []));
}

/**
 * Renders rows as a table (header row first).
 *
 * @param header - column names
 * @param rows - cell values (objects shown as JSON)
 * @returns the table
 * @example
 * table(['name', 'value'], [['volume', 37.7]]);
 */
export function table(header: string[], rows: unknown[][]): HTMLTableElement {
  const cell = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? ''));
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...header.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((value) => h('td', {}, cell(value)))))),
  );
}
