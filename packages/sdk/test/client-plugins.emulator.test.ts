import { withEmulator } from '@spark/test-utils/emulator';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AsyncClient, Client, SparkClosedError, SparkSdkError, executeService, type SparkCore, type SparkPlugin } from '../src/index.js';

const KEY = 'test-api-key';
const emu = withEmulator();

/** A user's own namespace, built on the standalone functions over the client's core. */
const geometry = {
  key: 'geometry',
  create: (core: SparkCore) => ({
    async cylinder(radius: number, height: number): Promise<number> {
      const { outputs } = await executeService<{ radius: number; height: number }, { volume: number }>(core, 'my-folder/volume-cylinder', { inputs: { radius, height } });
      return outputs[0]!.volume;
    },
  }),
} satisfies SparkPlugin<'geometry', { cylinder(radius: number, height: number): Promise<number> }>;


describe('the meta clients take plugins', () => {
  it('client.use(plugin) adds a typed namespace over the same core, beside the built-in ones', async () => {
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY }).use(geometry);
    expectTypeOf(spark.geometry.cylinder).returns.resolves.toBeNumber();
    expect(await spark.geometry.cylinder(2, 3)).toBeCloseTo(37.699, 3);
    expect(spark.geometry).toBe(spark.geometry);
    expect((await spark.services.execute('my-folder/volume-cylinder', { inputs: { radius: 1, height: 1 } })).outputs).toHaveLength(1);
    spark.close();
    await expect(spark.geometry.cylinder(1, 1)).rejects.toBeInstanceOf(SparkClosedError);
  });

  it('AsyncClient takes plugins too, and chains them', async () => {
    const echo: SparkPlugin<'echo', { tenant(): string }> = { key: 'echo', create: (core) => ({ tenant: () => core.config.baseUrl.tenant }) };
    await using spark = new AsyncClient({ baseUrl: emu.baseUrl, apiKey: KEY }).use(geometry).use(echo);
    expect(spark.echo.tenant()).toBe('my-tenant');
    expect(await spark.geometry.cylinder(1, 1)).toBeCloseTo(3.142, 3);
  });

  it('refuses a key that is already taken and anything that is not a plugin, with SparkSdkError', () => {
    using spark = new Client({ baseUrl: emu.baseUrl, apiKey: KEY });
    expect(() => spark.use({ key: 'services', create: () => ({}) })).toThrow(SparkSdkError);
    expect(() => spark.use({ key: 'services', create: () => ({}) })).toThrow('use(): a namespace named "services" is already on this client');
    expect(() => spark.use({ key: 'config', create: () => ({}) })).toThrow(/"config" is already/);
    expect(() => spark.use({ name: 'x' } as never)).toThrow('use() expects a plugin: { key, create(core) }');
    spark.use(geometry);
    expect(() => spark.use(geometry)).toThrow(/"geometry" is already/);
  });
});
