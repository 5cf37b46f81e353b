import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, SparkBadRequestError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { downloadLogs, findLogs, getLog, logs, rehydrateLog } from '../src/index.js';

const SERVICE = 'my-folder/volume-cylinder';
const emu = withEmulator();
let spark: ReturnType<typeof makeClient>;
let v3CallId: string;
let v4CallId: string;
const makeClient = (baseUrl: string) => createClient({ baseUrl, apiKey: emu.apiKey, maxRetries: 0 }).use(logs);

beforeAll(async () => {
  spark = makeClient(emu.baseUrl);
  // Executions through the raw core (this package does not depend on @spark/services).
  const v3 = await spark.request<{ response_meta: { call_id: string } }>({
    operation: 'test.execute', method: 'POST', path: 'api/v3/folders/my-folder/services/volume-cylinder/execute',
    json: { request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { source_system: 'history-it', correlation_id: 'corr-1' } },
  });
  v3CallId = v3.data.response_meta.call_id;
  const v4 = await spark.request<{ call_id: string }>({
    operation: 'test.execute', method: 'POST', path: 'api/v4/execute',
    json: { service: SERVICE, inputs: [{ radius: 1, height: 1 }, { radius: 1, height: 2 }] },
  });
  v4CallId = v4.data.call_id;
});
afterAll(async () => {
  spark?.close();
});

describe('history against the emulator', () => {
  it('gets a detailed log with the call inputs and outputs', async () => {
    const log = await getLog<{ radius: number; height: number }, { volume: number }>(spark, v3CallId);
    expect(log.EngineCallId).toBe(v3CallId);
    expect(log.Product).toBe('my-folder');
    expect(log.EngineDetails.request_data.inputs).toEqual({ radius: 2, height: 3 });
    expect(log.EngineDetails.response_data.outputs.volume).toBeCloseTo(Math.PI * 12, 6);
    expect((await spark.logs.get(v4CallId)).EngineCallId).toBe(v4CallId);
    expect(await spark.logs.get('no-such-call').catch((e: unknown) => e)).toBeInstanceOf(SparkNotFoundError);
  });

  it('rehydrates a call into a workbook (xml route, legacy route, v4 index)', async () => {
    const workbook = await rehydrateLog(spark, SERVICE, { callId: v3CallId });
    const bytes = await workbook.bytes();
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(workbook.contentType).toContain('spreadsheetml');
    const dir = await mkdtemp(join(tmpdir(), 'spark-history-'));
    try {
      const legacy = await spark.logs.rehydrate({ folder: 'my-folder', service: 'volume-cylinder' }, { callId: v3CallId, legacy: true });
      const size = await legacy.toFile(join(dir, 'legacy.xlsx'));
      expect(size).toBeGreaterThan(0);
      expect((await readFile(join(dir, 'legacy.xlsx'))).subarray(0, 2)).toEqual(Buffer.from([0x50, 0x4b]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await (await rehydrateLog(spark, SERVICE, { callId: v4CallId, index: 1 })).bytes();
    expect(await rehydrateLog(spark, SERVICE, { callId: v4CallId, index: 9 }).catch((e: unknown) => e)).toBeInstanceOf(SparkBadRequestError);
    const last = emu.requests.filter((r) => r.path.includes('/download/xml/')).at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.body).toBe('{}');
    const legacy = emu.requests.find((r) => /\/download\/[^/]+$/.test(r.path) && !r.path.includes('/xml/'));
    expect([legacy?.method, legacy?.body]).toEqual(['POST', '{}']);
  });

  it('downloads logs as a zip (json and csv), polling the job to 100 %', async () => {
    const seen: number[] = [];
    const zip = await downloadLogs(spark, SERVICE, { callIds: [v3CallId], pollInterval: 5, onProgress: (s) => seen.push(s.progress) });
    const bytes = await zip.bytes();
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(zip.contentType).toBe('application/zip');
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const csv = await spark.logs.download(SERVICE, { type: 'csv', sourceSystem: 'history-it', startDate: Date.now() - 60_000, pollInterval: 5 });
    expect((await csv.bytes()).byteLength).toBeGreaterThan(22);
    expect(csv.job).toMatchObject({ progress: 100, download_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1/) });
  });

  it('runs a log download job step by step: initiate, getStatus until 100, then the file', async () => {
    const job = await spark.logs.downloads.initiate(SERVICE, { type: 'csv', callIds: [v3CallId] });
    expect(job).toEqual({ jobId: expect.any(String), type: 'csv' });
    let status = await spark.logs.downloads.getStatus(SERVICE, job);
    for (let i = 0; status.progress < 100 && i < 10; i++) status = await spark.logs.downloads.getStatus(SERVICE, job);
    expect(status.progress).toBe(100);
    const rehydrated = await spark.logs.rehydrate(SERVICE, { callId: v3CallId });
    expect(rehydrated.document.response_data.download_url).toMatch(/^http:\/\/127\.0\.0\.1/);
  });

  it('finds calls by term and version, newest first', async () => {
    const byTerm = await findLogs(spark, SERVICE, { callId: v3CallId, startDate: Date.now() - 60_000 });
    expect(byTerm.data.map((l) => l.callGUID)).toEqual([v3CallId]);
    const all = await spark.logs.find(SERVICE, { startDate: Date.now() - 60_000 }, { size: 1 });
    expect(all.count).toBe(2);
    expect(all.data).toHaveLength(1);
  });

  it('sends nothing without a callId or with a bad locator', async () => {
    const seen = emu.stats().requests;
    expect(await spark.logs.get('').catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(await spark.logs.rehydrate(SERVICE, { callId: ' ' }).catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(await spark.logs.download('service/123').catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(await spark.logs.find(SERVICE, { endDate: 'later' }).catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(emu.stats().requests).toBe(seen);
  });
});
