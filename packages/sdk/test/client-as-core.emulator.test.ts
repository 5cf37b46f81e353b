import { withEmulator } from '@spark/test-utils/emulator';
import { describe, expect, it } from 'vitest';
import { AsyncClient, Client, SparkSdkError, createClient, executeService, getLog, listFolders, runBatch } from '../src/index.js';

const KEY = 'test-api-key';
const URI = 'my-folder/volume-cylinder';
const emu = withEmulator();

describe('the meta clients are SparkCores', () => {
  it('runBatch takes a Client directly', async () => {
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    const volumes: number[] = [];
    for await (const r of runBatch(spark, URI, [{ radius: 1, height: 1 }, { radius: 2, height: 3 }])) {
      volumes[r.index] = (r.outputs as { volume: number }).volume;
    }
    expect(volumes.map((v) => Number(v.toFixed(3)))).toEqual([3.142, 37.699]);
  });

  it('executeService and getLog take an AsyncClient directly, over its one pool', async () => {
    await using spark = new AsyncClient({ baseUrl: emu.baseUrl, apiKey: KEY });
    const result = await executeService<{ radius: number; height: number }, { volume: number }>(spark, URI, { inputs: { radius: 2, height: 3 } });
    expect(result.outputs[0]!.volume).toBeCloseTo(37.699, 3);
    const log = await getLog(spark, String(result.call_id));
    expect(log['EngineCallId']).toBe(result.call_id);
    expect(spark.signal.aborted).toBe(false);
  });

  it('client.spark keeps working and shares the same core', async () => {
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    expect(spark.spark.config).toBe(spark.config);
    expect(spark.spark.signal).toBe(spark.signal);
    const { outputs } = await executeService(spark.spark, URI, { inputs: { radius: 1, height: 1 } });
    expect((outputs[0] as { volume: number }).volume).toBeCloseTo(3.142, 3);
  });

  it('closing the meta client closes what the functions see', async () => {
    const spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    spark.close();
    expect(spark.signal.aborted).toBe(true);
    await expect(executeService(spark, URI)).rejects.toThrow('Spark client is already closed');
  });

  it('a wrong first argument is a SparkSdkError saying what is expected, before anything is sent', async () => {
    const before = emu.stats().requests;
    const expected = 'the first argument must be a Spark client (createClient(), new Client() or new AsyncClient())';
    await expect(executeService('my-folder/volume-cylinder' as never, URI)).rejects.toThrow(SparkSdkError);
    await expect(executeService('my-folder/volume-cylinder' as never, URI)).rejects.toThrow(`services.execute: ${expected} (got string)`);
    expect(() => runBatch({ baseUrl: emu.baseUrl } as never, URI, [])).toThrow(`batches.run: ${expected} (got an object without request())`);
    expect(() => runBatch(undefined as never, URI, [])).toThrow(`batches.run: ${expected} (got undefined)`);
    await expect(listFolders(new Map() as never)).rejects.toThrow(`folders.list: ${expected} (got an object without request())`);
    expect(emu.stats().requests).toBe(before);
  });

  it('a createClient() core is still accepted', async () => {
    using core = createClient({ baseUrl: emu.baseUrl, apiKey: KEY });
    const { outputs } = await executeService(core, URI, { inputs: { radius: 1, height: 1 } });
    expect((outputs[0] as { volume: number }).volume).toBeCloseTo(3.142, 3);
  });
});
