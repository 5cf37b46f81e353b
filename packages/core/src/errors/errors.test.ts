import { describe, expect, test } from 'vitest';
import { SparkApiError } from './api-error.js';
import * as classes from './api-errors.js';
import { SparkClosedError } from './closed-error.js';
import { SparkConnectionError } from './connection-error.js';
import { SparkSdkError } from './sdk-error.js';
import { isSparkError, SparkError } from './spark-error.js';
import { SparkTimeoutError } from './timeout-error.js';

const init = { method: 'POST', url: 'https://x/t/api', requestId: 'rid', body: { message: 'server says no' } };

describe('errors', () => {
  test.each([
    [400, 'SparkBadRequestError'], [401, 'SparkUnauthorizedError'], [403, 'SparkForbiddenError'], [404, 'SparkNotFoundError'],
    [409, 'SparkConflictError'], [415, 'SparkUnsupportedMediaTypeError'], [422, 'SparkUnprocessableEntityError'],
    [429, 'SparkRateLimitError'], [500, 'SparkInternalServerError'], [502, 'SparkBadGatewayError'],
    [503, 'SparkServiceUnavailableError'], [504, 'SparkGatewayTimeoutError'], [418, 'SparkApiError'],
  ])('status %i → %s', (status, name) => {
    const error = classes.createApiError('op.id', { ...init, status });
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(name === 'SparkApiError' ? SparkApiError : (classes as Record<string, unknown>)[name] as typeof SparkApiError);
    expect(error).toBeInstanceOf(SparkError);
    expect(error.message).toBe(`${status} op.id failed (POST https://x/t/api): server says no`);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name, message: error.message, status, method: 'POST', url: 'https://x/t/api', requestId: 'rid', body: init.body });
  });

  test.each([
    [{ error_description: 'bad secret' }, ': bad secret'],
    [{ error: 'invalid_client' }, ': invalid_client'],
    [{ errorCode: 'E42' }, ': E42'],
    ['plain text', ': plain text'],
    [null, ''],
    [{ other: 1 }, ''],
  ])('server message from %j', (body, suffix) => {
    expect(classes.createApiError('op', { ...init, status: 500, body }).message).toBe(`500 op failed (POST https://x/t/api)${suffix}`);
  });

  test('isSparkError works across realms and rejects look-alikes', () => {
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('@spark/core/SparkError'), { value: true });
    expect(isSparkError(foreign)).toBe(true);
    expect(isSparkError(new SparkClosedError())).toBe(true);
    expect(isSparkError(Object.assign(new Error('x'), { name: 'SparkError' }))).toBe(false);
    expect(isSparkError(null)).toBe(false);
    expect(isSparkError('SparkError')).toBe(false);
  });

  test('names, messages and JSON views of the other errors', () => {
    expect(new SparkClosedError().message).toBe('Spark client is already closed');
    const sdk = new SparkSdkError('bad', { cause: { secretish: 1 } });
    expect(JSON.parse(JSON.stringify(sdk))).toEqual({ name: 'SparkSdkError', message: 'bad', timestamp: sdk.timestamp });
    expect(new Date(sdk.timestamp).toISOString()).toBe(sdk.timestamp);
    const conn = new SparkConnectionError('down', 'GET', 'u', 'r', { cause: 'ECONNRESET' });
    expect(JSON.parse(JSON.stringify(conn))).toEqual({ name: 'SparkConnectionError', message: 'down', method: 'GET', url: 'u', requestId: 'r' });
    const timeout = new SparkTimeoutError('slow', 100, 'u', 'r');
    expect(JSON.parse(JSON.stringify(timeout))).toEqual({ name: 'SparkTimeoutError', message: 'slow', timeout: 100, url: 'u', requestId: 'r' });
  });
});
