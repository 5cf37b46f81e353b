import { PageInputError } from './page-input-error.js';

const NUMBER = /^[-+]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Splits CSV text (RFC 4180: quoted fields, `""` escapes, line breaks inside quotes, CRLF or
 * LF) into rows of cells. Blank lines are skipped.
 *
 * @param text - the CSV
 * @returns rows of raw cell strings
 * @example
 * parseCsv('a,b\n1,"x,y"'); // [['a','b'],['1','x,y']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = (): void => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        cell += c;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      endRow();
    } else if (c !== '\r') {
      cell += c;
    }
  }
  if (quoted) throw new PageInputError('The CSV has a quoted field that never ends (a missing closing ").');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Reads CSV with a header row into input records: numbers become numbers, `true`/`false`
 * booleans, and empty cells are left out (the service then uses its default).
 *
 * @param text - the CSV, header row first
 * @returns the column names and one record per data row
 * @example
 * csvRecords('radius,height\n2,3'); // { columns: ['radius','height'], records: [{ radius: 2, height: 3 }] }
 */
export function csvRecords(text: string): { columns: string[]; records: Record<string, unknown>[] } {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((name) => name.trim());
  if (columns.length === 0 || columns.every((c) => c === '')) throw new PageInputError('Paste or upload a CSV with a header row of input names.');
  if (rows.length === 0) throw new PageInputError('The CSV has a header row but no records.');
  const records = rows.map((cells, n) => {
    if (cells.length > columns.length) throw new PageInputError(`CSV row ${n + 2} has ${cells.length} cells, the header ${columns.length}.`);
    const record: Record<string, unknown> = {};
    cells.forEach((raw, i) => {
      const value = raw.trim();
      if (value === '') return;
      record[columns[i]!] = NUMBER.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : raw;
    });
    return record;
  });
  return { columns, records };
}

/**
 * Writes rows as CSV, quoting cells that need it (objects as JSON).
 *
 * @param rows - header row first
 * @returns the CSV text (CRLF line ends)
 * @example
 * toCsv([['name'], ['a,b']]); // 'name\r\n"a,b"\r\n'
 */
export function toCsv(rows: unknown[][]): string {
  const cell = (value: unknown): string => {
    const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
