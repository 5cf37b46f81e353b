/** Exit code of a successful command. */
export const EXIT_OK = 0;
/** Exit code of an API, network or timeout failure. */
export const EXIT_API = 1;
/** Exit code of bad input or usage (`SparkSdkError`, unknown flags, unreadable files). */
export const EXIT_USAGE = 2;
/** Exit code of an authentication failure (HTTP 401 or 403). */
const EXIT_AUTH = 3;

const AUTH_ERRORS = new Set(['SparkUnauthorizedError', 'SparkForbiddenError']);

/**
 * A mistake on the command line (bad flag value, unreadable input file): exit code 2.
 *
 * @example
 * throw new UsageError('--inputs must be JSON or @file.json');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The exit code for an error: 3 for 401/403, 2 for bad input, 1 for everything else.
 *
 * @param error - anything thrown by a command
 * @returns the process exit code
 * @example
 * process.exitCode = exitCodeFor(new SparkUnauthorizedError(...)); // 3
 */
export function exitCodeFor(error: unknown): number {
  // By name and status rather than instanceof: the CLI loads the SDK lazily (fast startup),
  // and names also hold across realms and duplicate installs.
  if (error instanceof UsageError) return EXIT_USAGE;
  if (!(error instanceof Error) || !error.name.startsWith('Spark')) return EXIT_API;
  // A rejected OAuth2 token request is a SparkUnauthorizedError carrying the token endpoint's status (often 400).
  if (AUTH_ERRORS.has(error.name) || hasStatus(error, 401, 403)) return EXIT_AUTH;
  if (error.name === 'SparkSdkError') return EXIT_USAGE;
  return EXIT_API;
}

/**
 * One line describing an error, without stack or secrets (the SDK scrubs credentials).
 *
 * @param error - anything thrown by a command
 * @returns the message, e.g. `404 services.execute failed (POST …): service my-folder/nope not found`
 * @example
 * process.stderr.write(`error: ${describeError(err)}\n`);
 */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    text = error.message || error.name;
    const cause = (error as { cause?: unknown }).cause;
    // Network failures read better with their root cause ("connect ECONNREFUSED 127.0.0.1:1").
    if (error.name !== 'SparkSdkError') {
      const root = cause instanceof Error ? rootMessage(cause) : undefined;
      if (root && !text.includes(root)) text = `${text} (${root})`;
    }
  } else {
    text = String(error);
  }
  const hint = hintFor(error, text);
  // The SDK's own advice for these failures names its option (baseUrl); the CLI's names the flags.
  if (hint !== undefined && NETWORK_HINTS.has(hint)) text = withoutSdkAdvice(error as Error, text);
  return `${text.replace(/\s*\n\s*/g, ' ').trim()}${hint ? ` — ${hint}` : ''}`;
}

/**
 * A connection error's message cut after its detail (the error's `cause`, e.g. "connect
 * ECONNREFUSED 127.0.0.1:9"): what @spark/core appends after the detail is its advice.
 */
function withoutSdkAdvice(error: Error, text: string): string {
  const detail = (error as { cause?: unknown }).cause;
  const at = typeof detail === 'string' && detail !== '' ? text.lastIndexOf(detail) : -1;
  return at < 0 ? text : text.slice(0, at + (detail as string).length);
}

/** Codes of network failures, with what to do next (in CLI terms). */
const HINTS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there. Is Spark (or `spark emulator start`) running? Check --base-url, CSPARK_BASE_URL or the profile’s baseUrl',
  ENOTFOUND: 'that host name does not resolve. Check --base-url / --env, CSPARK_BASE_URL or the profile',
  EAI_AGAIN: 'the host name could not be resolved right now (DNS). Check the network, then retry',
  ECONNRESET: 'the connection was dropped. Retry; raise --max-retries if it keeps happening',
  EADDRINUSE: 'that port is taken. Pass another --port, or --port 0 for any free one',
  EACCES: 'permission denied. For a port below 1024 pick another --port',
};
const NETWORK_HINTS = new Set([HINTS['ECONNREFUSED'], HINTS['ENOTFOUND'], HINTS['EAI_AGAIN']]);

function hintFor(error: unknown, text: string): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'SparkTimeoutError') return 'raise --timeout (ms) or check the network';
  if (error.name === 'SparkResponseTooLargeError') return 'raise --max-response-bytes (bytes) if the answer is expected to be that large';
  // Spark's whole answer to a base URL naming another tenant is this code.
  if (hasStatus(error, 400) && /: TENANT_MISMATCH$/.test(error.message)) {
    return 'the tenant in the base URL is not the one these credentials belong to. Check the first path segment of --base-url, CSPARK_BASE_URL or the profile’s baseUrl, or --tenant';
  }
  if (AUTH_ERRORS.has(error.name) || hasStatus(error, 401)) {
    return 'check --api-key / --token / --client-id, the CSPARK_* variables or the profile (`spark config list`); with OAuth2, `spark auth login` tests the credentials';
  }
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && HINTS[code]) return HINTS[code];
    current = (current as { cause?: unknown }).cause;
  }
  // The SDK may carry the network failure as text only ("connect ECONNREFUSED 127.0.0.1:1").
  const named = /\b(E[A-Z_]{3,})\b/.exec(text)?.[1];
  return named !== undefined ? HINTS[named] : undefined;
}

function rootMessage(error: Error): string | undefined {
  let current: unknown = error;
  let message: string | undefined;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    message = current.message || (typeof code === 'string' ? code : undefined) || message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

function hasStatus(error: unknown, ...statuses: number[]): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && statuses.includes(status);
}
