import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv, toCsv } from '../src/csv.js';
import { fieldsFrom } from '../src/describe-service.js';
import { EMULATOR_BASE_URL, EMULATOR_TOKEN, loadSettings, saveSettings, STORAGE_KEY } from '../src/settings.js';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('CSV (the many-records tab)', () => {
  it('parses quotes, doubled quotes, commas and line breaks inside quotes, CRLF and blank lines', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line1\nline2"\r\n\r\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\nline2'],
      ['1', ''],
    ]);
  });

  it('types cells: numbers, booleans, text; empty cells are left out', () => {
    expect(csvRecords('n,flag,name\n-1.5e3,true,007x\n,false,\n')).toEqual({
      columns: ['n', 'flag', 'name'],
      records: [{ n: -1500, flag: true, name: '007x' }, { flag: false }],
    });
  });

  it('refuses an unterminated quote with a message that says so', () => {
    expect(() => parseCsv('a\n"open')).toThrow('The CSV has a quoted field that never ends (a missing closing ").');
  });

  it('writes CSV that parses back to the same cells', () => {
    const rows = [['#', 'text'], [1, 'a,"b"\nc'], [2, { x: 1 }]];
    expect(parseCsv(toCsv(rows))).toEqual([['#', 'text'], ['1', 'a,"b"\nc'], ['2', '{"x":1}']]);
  });
});

describe('settings (hash + localStorage)', () => {
  it("defaults to the emulator's address and test token", () => {
    expect(loadSettings('', memoryStorage())).toEqual({
      baseUrl: EMULATOR_BASE_URL, auth: 'bearer', secret: EMULATOR_TOKEN, remember: false, service: 'my-folder/volume-cylinder',
    });
  });

  it('never stores the secret without "remember", never puts it in the hash, and the hash wins on load', () => {
    const storage = memoryStorage();
    const base = { baseUrl: 'https://spark.example/t', auth: 'apiKey' as const, secret: 'k-123456', service: 'f/s' };
    const hash = saveSettings({ ...base, remember: false }, storage);
    expect(hash).toBe('#baseUrl=https%3A%2F%2Fspark.example%2Ft&auth=apiKey&service=f%2Fs');
    expect(storage.data.get(STORAGE_KEY)).not.toContain('k-123456');
    expect(loadSettings('', storage).secret).toBe('');

    expect(saveSettings({ ...base, remember: true }, storage)).not.toContain('k-123456');
    expect(loadSettings('', storage).secret).toBe('k-123456');
    expect(loadSettings('#service=other%2Fsvc&auth=nonsense', storage)).toMatchObject({ service: 'other/svc', auth: 'bearer', baseUrl: base.baseUrl });
  });

  it('fills a remembered secret in only for the base URL it was remembered with (a link cannot redirect it)', () => {
    const storage = memoryStorage();
    saveSettings({ baseUrl: 'https://spark.example/t', auth: 'apiKey', secret: 'k-123456', remember: true, service: 'f/s' }, storage);
    expect(loadSettings('#baseUrl=https%3A%2F%2Fspark.example%2Ft', storage).secret).toBe('k-123456');
    expect(loadSettings('#baseUrl=https%3A%2F%2Fevil.example%2Ft&auth=apiKey', storage)).toMatchObject({ baseUrl: 'https://evil.example/t', auth: 'apiKey', secret: '' });
  });
});

describe('fieldsFrom (schema + validation → form fields)', () => {
  it('takes types from the schema and constraints from validation; without a schema, types follow the defaults', () => {
    const schema = {
      xlInputs: [{ name: 'rate', dataType: 'NUMBER', value: 0.05 }, { name: 'table', dataType: 'TEXT', value: null, rows: 2, columns: 2 }],
      metadata: { xInputTable: [{ 'Input Name': 'rate', Description: 'Annual rate' }] },
    };
    const rules = { rate: { min: 0, max: 1 }, years: { options: [10, 20], default_value: 20 } };
    expect(fieldsFrom(schema, rules)).toEqual([
      { name: 'rate', type: 'number', defaultValue: 0.05, description: 'Annual rate', min: 0, max: 1 },
      { name: 'table', type: 'table' },
      { name: 'years', type: 'number', defaultValue: 20, options: [10, 20] },
    ]);
    expect(fieldsFrom(undefined, { flag: { default_value: true }, name: { default_value: 'x' } }).map((f) => f.type)).toEqual(['boolean', 'text']);
  });
});
