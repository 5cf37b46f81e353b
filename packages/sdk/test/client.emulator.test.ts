import { inspect } from 'node:util';
import { withEmulator } from '@spark/test-utils/emulator';
import { describe, expect, it } from 'vitest';
import { AsyncClient, Client, SparkClosedError, SparkSdkError, runBatch } from '../src/index.js';

const KEY = 'test-api-key';
// folders.list with an API key: opt in (Spark wants a bearer token for folder management).
const emu = withEmulator({ apiKeysForFolders: true });

describe('Client', () => {
  it('exposes every resource as a memoised lazy getter over one core', async () => {
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    for (const name of ['services', 'batches', 'folders', 'transforms', 'logs', 'impex', 'health', 'platform', 'files', 'wasm'] as const) {
      expect(spark[name], name).toBeTypeOf('object');
      expect(spark[name], name).toBe(spark[name]);
    }
    const { outputs, call_id } = await spark.services.execute<{ radius: number; height: number }, { volume: number }>(
      'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
    expect(outputs[0]!.volume).toBeCloseTo(37.699, 3);
    expect(await spark.health.check()).toEqual({ status: 'UP' });
    const log = await spark.logs.get(String(call_id));
    expect(log.EngineCallId ?? log['EngineCallId']).toBe(call_id);
    const connections = emu.stats().connections;
    await Promise.all([spark.platform.getConfig(), spark.folders.list(), spark.services.getVersions('my-folder/volume-cylinder')]);
    expect(emu.stats().connections - connections).toBeLessThanOrEqual(3);
  });

  it('shares the core with the standalone functions through `spark`', async () => {
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    const run = runBatch(spark.spark, 'my-folder/volume-cylinder', [{ radius: 1, height: 1 }, { radius: 2, height: 3 }]);
    const volumes: number[] = [];
    for await (const r of run) volumes[r.index] = (r.outputs as { volume: number }).volume;
    expect(volumes.map((v) => Number(v.toFixed(3)))).toEqual([3.142, 37.699]);
  });

  it('`using` closes the client: later calls reject with SparkClosedError', async () => {
    let escaped: Client;
    {
      using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
      escaped = spark;
      expect(spark.closed).toBe(false);
    }
    expect(escaped.closed).toBe(true);
    await expect(escaped.services.execute('my-folder/volume-cylinder')).rejects.toBeInstanceOf(SparkClosedError);
    await expect(escaped.services.execute('my-folder/volume-cylinder')).rejects.toThrow('Spark client is already closed');
  });

  it('Client.close() aborts in-flight calls with SparkClosedError', async () => {
    emu.faults.add({ match: 'POST /my-tenant/api/v3/folders/slow', latencyMs: 2_000, count: 1 });
    emu.addModel('slow/model', () => ({ ok: true }));
    const spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    const pending = spark.services.execute('slow/model');
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    spark.close();
    await expect(pending).rejects.toBeInstanceOf(SparkClosedError);
    expect(Date.now() - t0).toBeLessThan(1_000);
    emu.faults.clear();
  });

  it('`await using` on AsyncClient drains in-flight calls before closing', async () => {
    emu.faults.add({ match: 'POST /my-tenant/api/v3/folders/drain', latencyMs: 300, count: 3 });
    emu.addModel('drain/model', () => ({ ok: true }));
    let calls: Promise<unknown>[] = [];
    let escaped: AsyncClient;
    {
      await using spark = new AsyncClient({ baseUrl: emu.baseUrl, apiKey: KEY });
      escaped = spark;
      calls = [1, 2, 3].map(() => spark.services.execute('drain/model'));
    }
    // The block exited only after the three calls settled: they all succeeded.
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(escaped.closed).toBe(true);
    await expect(escaped.services.execute('drain/model')).rejects.toBeInstanceOf(SparkClosedError);
    emu.faults.clear();
  });

  it('never shows the API key in inspect() or JSON', () => {
    const secret = 'super-secret-api-key-1234567890';
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: secret });
    expect(inspect(spark, { depth: 10, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(spark)).not.toContain(secret);
    expect(inspect(spark.config, { depth: 10 })).not.toContain(secret);
  });

  it('rejects bad options with a SparkSdkError naming the field', () => {
    expect(() => new Client({ baseUrl: emu.baseUrl, apiKey: KEY, timeout: -1 })).toThrow(SparkSdkError);
    expect(() => new Client({ baseUrl: emu.baseUrl, apiKey: KEY, timeout: -1 })).toThrow(/timeout must be/);
    expect(() => new Client({ baseUrl: 'ftp://x/t', apiKey: KEY })).toThrow(/http or https/);
  });

  it('Client.use(config) builds an independent client with the same configuration', async () => {
    using original = new Client({ baseUrl: emu.baseUrl, apiKey: KEY, timeout: 12_345, maxRetries: 1, headers: { 'x-team': 'a' } });
    using copy = Client.use(original.config, { maxRetries: 0 });
    expect(copy).toBeInstanceOf(Client);
    expect(copy.config.baseUrl.full).toBe(emu.baseUrl);
    expect(copy.config.auth).toBe(original.config.auth);
    expect([copy.config.timeout, copy.config.maxRetries, copy.config.headers]).toEqual([12_345, 0, { 'x-team': 'a' }]);
    const { outputs } = await copy.services.execute('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
    expect((outputs[0] as { volume: number }).volume).toBeCloseTo(37.699, 3);
    copy.close();
    expect(original.closed).toBe(false);
    const asyncCopy = AsyncClient.use(original.config);
    expect(asyncCopy).toBeInstanceOf(AsyncClient);
    await asyncCopy.close();
  });

  it('has the Python-parity statics', async () => {
    expect(await Client.healthCheck(emu.url)).toEqual({ status: 'UP' });
    expect(AsyncClient.healthCheck).toBe(Client.healthCheck);
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    const exported = await spark.impex.export({ services: ['my-folder/volume-cylinder'] });
    const url = exported.job.outputs?.files?.[0]?.file;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1/);
    const bytes = await Client.download(String(url));
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
  });
});
