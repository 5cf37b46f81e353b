const BRAND = Symbol.for('@spark/core/SparkError');

/**
 * Base class of every error the SDK throws. Use {@link isSparkError} rather than
 * `instanceof` when errors may cross realms (workers, iframes, duplicated installs).
 *
 * @example
 * try { await executeService(spark, 'f/s', { inputs }); }
 * catch (error) { if (isSparkError(error)) console.error(error.name, error.message); }
 */
export class SparkError extends Error {
  override readonly name: string = 'SparkError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A JSON view without secrets: `{ name, message, ...details }`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/**
 * Whether `value` is an error thrown by this SDK, across realms and duplicate installs.
 *
 * @example
 * if (isSparkError(error) && error.name === 'SparkTimeoutError') retryLater();
 */
export function isSparkError(value: unknown): value is SparkError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
