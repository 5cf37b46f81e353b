import { printable, type CliIo } from './output.js';

/**
 * Prints each record's errors and warnings on stderr (`record 1: error: …`, `warning: …`), for
 * people and scripts alike (stdout keeps the result), and counts the records that failed.
 *
 * @param io - the command's streams
 * @param result - an execute result: `errors[i]` and `warnings[i]` per record
 * @param many - the inputs were an array (lines then name the record)
 * @returns how many records had errors
 * @example
 * if (reportRecords(io, result, true) > 0) return EXIT_API;
 */
export function reportRecords(io: Pick<CliIo, 'stderr'>, result: { errors?: unknown[]; warnings?: unknown[]; outputs?: unknown[] }, many: boolean): number {
  let failed = 0;
  const count = Math.max(result.errors?.length ?? 0, result.warnings?.length ?? 0);
  for (let i = 0; i < count; i++) {
    const prefix = many ? `record ${i}: ` : '';
    const errors = entries(result.errors?.[i]);
    if (errors.length > 0) failed++;
    for (const message of errors) io.stderr.write(`${prefix}error: ${printable(message)}\n`);
    for (const message of entries(result.warnings?.[i])) io.stderr.write(`${prefix}warning: ${printable(message)}\n`);
  }
  return failed;
}

function entries(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    if (typeof entry === 'string') return entry;
    const { message, source_path: source } = (entry ?? {}) as { message?: unknown; source_path?: unknown };
    const text = typeof message === 'string' ? message : JSON.stringify(entry);
    return typeof source === 'string' && source !== '' ? `${text} (${source})` : text;
  });
}
