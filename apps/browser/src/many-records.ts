import type { ServiceUri, SparkCore } from '@spark/core';
import { executeService, type ExecuteResult } from '@spark/services';
import { csvRecords } from './csv.js';
import { entries, messageOf } from './show-result.js';

/** The results of a many-records run, one row per record, header first. */
export interface ManyResult {
  rows: unknown[][];
  callId: string | undefined;
}

/**
 * Lays out a v4 result as rows: the record number, its inputs, its outputs, its warnings
 * and errors (header row first).
 *
 * @param columns - the CSV's input columns
 * @param records - the records sent
 * @param result - `executeService()`'s result (one entry per record)
 * @returns header row, then one row per record
 * @example
 * resultRows(['radius'], [{ radius: 1 }], result);
 */
function resultRows(columns: string[], records: Record<string, unknown>[], result: ExecuteResult): unknown[][] {
  const outputs = [...new Set(result.outputs.flatMap((o) => Object.keys(o ?? {})))];
  const header = ['#', ...columns, ...outputs.filter((o) => !columns.includes(o)), 'warnings', 'errors'];
  const shown = header.slice(columns.length + 1, -2);
  const rows = records.map((record, i) => {
    const out = (result.outputs[i] ?? {}) as Record<string, unknown>;
    return [
      i + 1,
      ...columns.map((c) => record[c] ?? ''),
      ...shown.map((o) => out[o] ?? ''),
      entries(result.warnings[i]).map(messageOf).join('; '),
      entries(result.errors[i]).map(messageOf).join('; '),
    ];
  });
  return [header, ...rows];
}

/**
 * Runs every record of a CSV (header row of input names) as ONE v4 execute call.
 *
 * @param spark - a client
 * @param uri - the service
 * @param csv - the CSV text
 * @returns the result rows and the call id
 * @example
 * const { rows } = await runManyRecords(spark, 'my-folder/volume-cylinder', 'radius,height\n1,2\n3,4');
 */
export async function runManyRecords(spark: SparkCore, uri: ServiceUri, csv: string): Promise<ManyResult> {
  const { columns, records } = csvRecords(csv);
  const result = await executeService(spark, uri, { inputs: records });
  return { rows: resultRows(columns, records, result), callId: result.call_id };
}
