import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvSink } from './csv-sink.js';
import type { OutputTarget } from './output-file.js';

/** An output target that keeps what is written. */
function memory(): OutputTarget & { text: () => string } {
  let text = '';
  return { path: undefined, text: () => text, write: async (t) => void (text += t), close: async () => {}, discard: async () => {} };
}

describe('csvSink', () => {
  it('keeps input columns named index and error as input:index and input:error, next to the CLI\'s own columns', async () => {
    const out = memory();
    const sink = csvSink(out, undefined, () => ['index', 'radius', 'error']);
    await sink.write({ index: 0, inputs: { index: 'A-7', radius: 1, error: 'none' }, outputs: { volume: 3.5, index: 'out' } });
    await sink.write({ index: 1, inputs: { index: 'B-9', radius: 2, error: '' }, error: { kind: 'SparkApiError', message: 'bad radius' } });
    await sink.end();
    const rows = parse(out.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['index', 'input:index', 'radius', 'input:error', 'volume', 'output:index', 'error']);
    expect(rows).toEqual([
      { index: '0', 'input:index': 'A-7', radius: '1', 'input:error': 'none', volume: '3.5', 'output:index': 'out', error: '' },
      { index: '1', 'input:index': 'B-9', radius: '2', 'input:error': '', volume: '', 'output:index': '', error: 'SparkApiError: bad radius' },
    ]);
  });

  it('writes the plain header when no name clashes', async () => {
    const out = memory();
    const sink = csvSink(out, undefined, () => ['radius', 'height']);
    await sink.write({ index: 0, inputs: { radius: 1, height: 2 }, outputs: { volume: 6.28 } });
    await sink.end();
    expect(out.text()).toBe('index,radius,height,volume,error\n0,1,2,6.28,\n');
  });

  it('keeps an output named like a prefixed column (input:radius, output:x) apart from the input', async () => {
    const out = memory();
    const sink = csvSink(out, undefined, () => ['radius']);
    await sink.write({ index: 0, inputs: { radius: 1 }, outputs: { 'input:radius': 'OUT', 'output:x': 'X' } });
    await sink.end();
    const rows = parse(out.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([{ index: '0', radius: '1', 'output:input:radius': 'OUT', 'output:output:x': 'X', error: '' }]);
  });
});
