import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@spark/emulator';
import { createClient, SparkBadRequestError, SparkNotFoundError, SparkUnauthorizedError } from '@spark/core';

// The emulator's v3 errors now follow Spark's OpenAPI examples; @spark/core must read those
// and the older `{error: {status, code, message}}` / v1 `{message, errorCode}` shapes alike.
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const execute = { operation: 'test.execute', method: 'POST' as const, path: 'api/v3/folders/my-folder/services/sum/execute', json: { request_data: { inputs: { a: 1, b: 2 } } } };

describe("@spark/core's error mapping", () => {
  it('reads an OpenAPI-shaped wrong-tenant answer (400 TENANT_MISMATCH)', async () => {
    await using spark = createClient({ baseUrl: `${emu.url}/other-tenant`, apiKey: 'test-api-key', maxRetries: 0 });
    const error = await spark.request(execute).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkBadRequestError);
    expect((error as Error).message).toContain('TENANT_MISMATCH');
  });

  it('reads an OpenAPI-shaped 401 (error_category access_error)', async () => {
    await using spark = createClient({ baseUrl: emu.baseUrl, apiKey: 'wrong-key', maxRetries: 0 });
    const error = await spark.request(execute).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkUnauthorizedError);
    expect((error as Error).message).toContain('unauthorized: invalid API key');
  });

  it('still reads the older v3 shape and the v1 shape', async () => {
    await using spark = createClient({ baseUrl: emu.baseUrl, apiKey: 'test-api-key', maxRetries: 0 });
    emu.faults.add({ match: '/services/sum/execute', status: 404, count: 1, body: { status: 'Error', response_data: null, error: { status: 404, code: 'NOT_FOUND', message: 'old-shape message' } } });
    const old = await spark.request(execute).catch((e: unknown) => e);
    expect(old).toBeInstanceOf(SparkNotFoundError);
    expect((old as Error).message).toContain('old-shape message');
    emu.faults.add({ match: '/services/sum/execute', status: 400, count: 1, body: { status: 'Error', message: 'v1-shape message', errorCode: 'BAD', data: null } });
    const v1 = await spark.request(execute).catch((e: unknown) => e);
    expect(v1).toBeInstanceOf(SparkBadRequestError);
    expect((v1 as Error).message).toContain('v1-shape message');
  });
});
