import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkConflictError, SparkNotFoundError, type SparkResponse } from '../public-api.js';
import { responseError } from './response-error.js';

function answer(data: unknown, headers: Record<string, string> = {}): SparkResponse<unknown> {
  return { status: 200, url: 'https://spark.test/t/api/v3/job', requestId: 'req-1', data, headers: new Headers(headers) } as SparkResponse<unknown>;
}

describe('responseError (a failure answered with a success status)', () => {
  it('carries the response status, method, URL, request id, body and headers, and names the detail', () => {
    const body = { status: 'Error', errorCode: 'NOPE' };
    const error = responseError('jobs.get', 'GET', answer(body, { 'x-trace': 't' }), 'Spark answered errorCode NOPE');
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toBe('200 jobs.get failed (GET https://spark.test/t/api/v3/job): Spark answered errorCode NOPE');
    expect(error.toJSON()).toEqual({
      name: 'SparkApiError', message: error.message, status: 200, method: 'GET', url: 'https://spark.test/t/api/v3/job', requestId: 'req-1', body,
    });
    expect(error.headers?.get('x-trace')).toBe('t');
  });

  it('picks the class of a status the body names instead of the HTTP one', () => {
    expect(responseError('folders.create', 'POST', answer({}), 'exists', 409)).toBeInstanceOf(SparkConflictError);
    const missing = responseError('logs.get', 'GET', answer(null), 'gone', 404);
    expect(missing).toBeInstanceOf(SparkNotFoundError);
    expect(missing.message).toBe('404 logs.get failed (GET https://spark.test/t/api/v3/job): gone');
  });
});
