/* Imports nothing: @spark/core's tests import this file by path (core cannot depend on test-utils, which depends on core). */

/**
 * Captures the rejection of a promise (throws when it resolves).
 *
 * @example
 * const error = await rejection(getLog(spark, ''));
 * expect(error).toBeInstanceOf(SparkSdkError);
 */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
