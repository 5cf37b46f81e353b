/** One row of the inputs or outputs table. */
interface Cell {
  name?: unknown;
  dataType?: unknown;
  value?: unknown;
  address?: unknown;
  sheetName?: unknown;
  validation?: unknown;
  description?: unknown;
}

/**
 * Renders a service schema as two plain-text tables: inputs (name, type, default,
 * constraints) and outputs (name, type, cell). `--raw` prints the document instead.
 *
 * @param schema - the schema (`xlInputs`, `xOutput`)
 * @returns the text, without a trailing newline
 * @example
 * console.log(schemaTables(await spark.services.getSchema('my-folder/volume-cylinder')));
 * // Inputs (2)
 * // NAME    TYPE    DEFAULT  CONSTRAINTS
 * // height  NUMBER  4
 */
export function schemaTables(schema: { xlInputs?: unknown[]; xOutput?: unknown[] }): string {
  const inputs = (schema.xlInputs ?? []) as Cell[];
  const outputs = (schema.xOutput ?? []) as Cell[];
  const inputRows = inputs.map((c) => [text(c.name), text(c.dataType), text(c.value), constraints(c.validation)]);
  const outputRows = outputs.map((c) => [text(c.name), text(c.dataType), c.sheetName && c.address ? `${text(c.sheetName)}!${text(c.address)}` : text(c.address)]);
  return [
    `Inputs (${inputs.length})`,
    table(['NAME', 'TYPE', 'DEFAULT', 'CONSTRAINTS'], inputRows),
    '',
    `Outputs (${outputs.length})`,
    table(['NAME', 'TYPE', 'CELL'], outputRows),
  ].join('\n');
}

/**
 * Aligns rows under a header, two spaces between columns; trailing spaces trimmed.
 *
 * @param header - the column titles
 * @param rows - the cells
 * @returns the table
 * @example
 * table(['A', 'B'], [['x', 'y']]); // 'A  B\nx  y'
 */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function constraints(validation: unknown): string {
  if (validation === null || validation === undefined || typeof validation !== 'object') return '';
  return Object.entries(validation as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.map(text).join('|') : text(v)}`)
    .join(', ');
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s+/g, ' ');
}
