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
  return text.replace(/\s*\n\s*/g, ' ').trim();
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
