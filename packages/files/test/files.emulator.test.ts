import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkNotFoundError, type SparkClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { downloadFile, files } from '../src/index.js';

describe('files against the emulator', () => {
  const emu = withEmulator();
  let spark: SparkClient;
  let dir: string;

  beforeAll(async () => {
    spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey });
    dir = await mkdtemp(join(tmpdir(), 'spark-files-'));
  });
  afterAll(async () => {
    spark?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('downloads any URL of the environment over HTTP', async () => {
    const file = await downloadFile(spark, `${emu.url}/health`);
    expect(file.contentType).toMatch(/application\/json/);
    expect(JSON.parse(new TextDecoder().decode(await file.bytes()))).toEqual({ status: 'UP' });
    const last = emu.requests.at(-1)!;
    expect(last.headers['x-synthetic-key']).toBe('test-api-key');
  });

  it('downloads a file Spark handed out (rehydrated execution) to disk', async () => {
    const exec = await spark.request<{ response_meta: { call_id: string } }>({
      operation: 'test.execute', method: 'POST', path: 'api/v3/folders/my-folder/services/volume-cylinder/execute',
      json: { request_data: { inputs: { radius: 1, height: 2 } }, request_meta: {} },
    });
    const callId = exec.data.response_meta.call_id;
    const rehydrate = await spark.request<{ response_data: { download_url: string } }>({
      operation: 'test.rehydrate', method: 'POST', path: `api/v3/folders/my-folder/services/volume-cylinder/download/xml/${callId}`, json: {},
    });
    const file = await spark.use(files).files.download(rehydrate.data.response_data.download_url);
    const path = join(dir, 'call.xlsx');
    const written = await file.toFile(path);
    expect(written).toBeGreaterThan(0);
    expect((await readFile(path)).subarray(0, 2).toString()).toBe('PK');
  });

  it('maps an unknown file to SparkNotFoundError', async () => {
    await expect(downloadFile(spark, `${emu.url}/files/nope/missing.zip`)).rejects.toBeInstanceOf(SparkNotFoundError);
  });
});
