import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';

/** One record of service inputs. */
export type InputRecord = Record<string, unknown>;

/**
 * Reads the value of an `--inputs` flag: inline JSON, `@file.json`, or `@-` for stdin.
 * The JSON must be one record (object) or several (array of objects).
 *
 * @param value - the flag's text
 * @param flag - the flag's name, for messages
 * @param stdin - where `@-` reads from (default `process.stdin`)
 * @returns the record or records
 * @example
 * await readInputs('{"radius":2,"height":3}'); // { radius: 2, height: 3 }
 * await readInputs('@inputs.json');
 */
export async function readInputs(
  value: string,
  flag = '--inputs',
  stdin: AsyncIterable<Buffer | string> = process.stdin,
): Promise<InputRecord | InputRecord[]> {
  let text = value;
  let source = flag;
  if (value.startsWith('@')) {
    const path = value.slice(1);
    if (path === '') throw new UsageError(`${flag}: "@" must be followed by a file path (or "-" for stdin)`);
    source = path === '-' ? `${flag} (stdin)` : `${flag} file ${path}`;
    text = path === '-' ? await readAll(stdin) : await readText(path, flag);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON (${(error as Error).message})`);
  }
  if (isRecord(data)) return data;
  if (Array.isArray(data) && data.length > 0 && data.every(isRecord)) return data;
  throw new UsageError(`${source} must be a JSON object of inputs or a non-empty array of such objects`);
}

/**
 * Reads a whole text file, turning file-system errors into usage errors (exit code 2).
 *
 * @param path - the file
 * @param flag - the flag that named it, for messages
 * @returns the text
 * @example
 * const text = await readText('records.json', '--input');
 */
export async function readText(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text;
}

function isRecord(value: unknown): value is InputRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
