import type { Writable } from 'node:stream';

/** Where a command writes: stdout for results, stderr for messages and progress. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  /** `--json`: one JSON document on stdout instead of human output. */
  json: boolean;
  /** `--debug`: stack traces on failure. */
  debug: boolean;
}

/**
 * Prints a command's result: one JSON document with `--json`, else `human` (or a readable
 * rendering of `value` when `human` is not given).
 *
 * @param io - the command's streams and flags
 * @param value - the machine-readable result
 * @param human - the text for people, when it differs from a rendering of `value`
 * @returns nothing
 * @example
 * printResult(io, { status: 'UP' }, 'Spark is UP');
 */
export function printResult(io: CliIo, value: unknown, human?: string): void {
  if (io.json) {
    io.stdout.write(`${JSON.stringify(value ?? null)}\n`);
    return;
  }
  const text = printable(human ?? formatHuman(value));
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Writes a note for people on stderr (never with `--json` on stdout, so scripts stay clean).
 *
 * @param io - the command's streams
 * @param message - one line
 * @returns nothing
 * @example
 * note(io, 'wrote volume-cylinder.xlsx (12,345 bytes)');
 */
export function note(io: CliIo, message: string): void {
  io.stderr.write(`${printable(message)}\n`);
}

/**
 * Control characters a terminal acts on (C0 but tab and newline, DEL, C1) and the Unicode
 * bidirectional controls that reorder what it shows.
 */
const UNPRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text fit for a terminal: each control character but tab and newline, and each bidirectional
 * control, is shown as its escape (`\x1b`, `\u202e`). A string from a server (an output, a
 * warning, an error message) then cannot move the cursor, clear the screen, retitle the window,
 * write the clipboard (OSC 52) or reorder a line. Human output only: `--json` output is
 * JSON, which escapes C0 controls itself, and keeps every string as the server sent it.
 *
 * @param text - text about to be printed
 * @returns the text with those characters escaped
 * @example
 * printable('done\x1b[2J'); // 'done\\x1b[2J'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Renders JSON-like data as indented `key: value` lines: objects as keys, arrays of scalars
 * inline, arrays of objects as `- ` items.
 *
 * @param value - any JSON-compatible value
 * @param indent - leading spaces
 * @returns the text, without a trailing newline
 * @example
 * formatHuman({ volume: 25.13, tags: ['a', 'b'] }); // 'volume: 25.13\ntags: [a, b]'
 */
export function formatHuman(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}[]`;
    if (value.every(isScalar)) return `${pad}[${value.map(scalar).join(', ')}]`;
    return value
      .map((item) => {
        const body = formatHuman(item, indent + 2).trimStart();
        return `${pad}- ${body}`;
      })
      .join('\n');
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${pad}{}`;
    return entries
      .map(([key, item]) => {
        if (isScalar(item) || (Array.isArray(item) && item.every(isScalar))) {
          return `${pad}${key}: ${formatHuman(item).trimStart()}`;
        }
        return `${pad}${key}:\n${formatHuman(item, indent + 2)}`;
      })
      .join('\n');
  }
  return `${pad}${scalar(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object';
}

function scalar(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
