import { SparkSdkError } from '../errors/sdk-error.js';

/** Log levels, most verbose first. */
export type SparkLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where the SDK writes its log lines. Messages never contain credentials. */
export interface SparkLogger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const LEVELS: readonly SparkLogLevel[] = ['debug', 'info', 'warn', 'error'];
const noop = (): void => {};

/**
 * Whether a logger method writes anything: the SDK's silent levels share one no-op, so a hot
 * path can skip building a message nobody reads.
 *
 * @example
 * if (writes(logger.debug)) logger.debug(`-> ${method} ${url}`, { requestId });
 */
export function writes(method: SparkLogger[SparkLogLevel]): boolean {
  return method !== noop;
}

/** A logger that drops everything. */
export const silentLogger: SparkLogger = { debug: noop, info: noop, warn: noop, error: noop };

/**
 * The `logger` option: `false` (silent, the default), `true` (console at `info`), a level
 * (console from that level up), or your own logger object.
 */
export type SparkLoggerOption = boolean | SparkLogLevel | SparkLogger;

/**
 * Resolves the `logger` option into a logger.
 *
 * @example
 * const log = resolveLogger('debug'); log.debug('hello', { operation: 'services.execute' });
 */
export function resolveLogger(option: SparkLoggerOption | undefined): SparkLogger {
  if (option === undefined || option === false) return silentLogger;
  if (typeof option === 'object' && option !== null) {
    // Checked now: a `null` or partial logger would otherwise throw a TypeError mid-request.
    const missing = LEVELS.find((level) => typeof (option as unknown as Record<string, unknown>)[level] !== 'function');
    if (missing) throw new SparkSdkError(`logger must have debug, info, warn and error methods (missing ${missing})`);
    return option;
  }
  const min = LEVELS.indexOf(option === true ? 'info' : option);
  if (min < 0) throw new SparkSdkError(`logger must be a boolean, one of ${LEVELS.join(', ')}, or a logger object, got ${String(option)}`);
  const make = (level: SparkLogLevel) =>
    LEVELS.indexOf(level) < min
      ? noop
      : (message: string, context?: Record<string, unknown>) =>
          console[level](`[spark] ${level.toUpperCase()} ${message}`, ...(context ? [context] : []));
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}
