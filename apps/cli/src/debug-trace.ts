import type { ClientOptions } from '@spark/sdk';
import type { CliIo } from './output.js';

/** Query parameters whose values are never printed (presigned URLs carry signatures). */
const SECRET_QUERY = /sig|signature|token|key|secret|credential|password|auth/i;

/**
 * Client hooks that print one line per HTTP attempt on stderr for `--debug`: method, URL,
 * status, time and request id, plus retries. Never headers or bodies (credentials live there);
 * secret-looking query values are masked.
 *
 * @param io - where to write (stderr)
 * @returns the `hooks` option
 * @example
 * new Client({ ...options, hooks: debugHooks(io) });
 * // debug: POST http://127.0.0.1:3000/t/api/v3/… → 200 in 12 ms (request id 5f…)
 */
export function debugHooks(io: Pick<CliIo, 'stderr'>): NonNullable<ClientOptions['hooks']> {
  return {
    afterResponse: [
      (context, response) => {
        io.stderr.write(`debug: ${context.method} ${safeUrl(context.url)} → ${response.status} in ${response.durationMs} ms (request id ${context.requestId})\n`);
      },
    ],
    beforeRetry: [
      (context, retry) => {
        io.stderr.write(`debug: retrying ${context.method} ${safeUrl(context.url)} in ${retry.delayMs} ms (${retry.reason})\n`);
      },
    ],
  };
}

/**
 * A URL fit to print: no user info, secret-looking query values masked.
 *
 * @param text - the URL
 * @returns the URL as printed
 * @example
 * safeUrl('https://s3/x?X-Amz-Signature=abc&a=1'); // 'https://s3/x?X-Amz-Signature=***&a=1'
 */
function safeUrl(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    for (const key of [...url.searchParams.keys()]) if (SECRET_QUERY.test(key)) url.searchParams.set(key, '***');
    return url.toString().replace(/=\*\*\*/g, '=***').replace(/%2A%2A%2A/g, '***');
  } catch {
    return '<url>';
  }
}
