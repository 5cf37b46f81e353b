import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkBadRequestError, SparkNotFoundError } from '@spark/core';
import { samplePath } from '@spark/test-utils';
import { withEmulator } from '@spark/test-utils/emulator';
import {
  checkHybridHealth, createHybridClient, getHybridMetadata, getHybridStatus, getHybridVersion, uploadHybridService, validateHybridService,
  type HybridClient,
} from '../src/index.js';

/** The WASM package ({versionId}.zip) inside the sample export package. */
async function wasmPackage(): Promise<Uint8Array> {
  const entries = unzipSync(new Uint8Array(await readFile(samplePath('volume-cylinder.zip'))));
  const name = Object.keys(entries).find((n) => /\/[0-9a-f-]{36}\.zip$/i.test(n));
  if (!name) throw new Error('volume-cylinder.zip holds no {versionId}.zip WASM package');
  return entries[name]!;
}

describe('hybrid client against the emulator', () => {
  // A real runner does not authenticate callers: neither does the emulator with openAccess.
  const emu = withEmulator({ openAccess: true });
  let runner: HybridClient;

  beforeAll(() => {
    runner = createHybridClient({ baseUrl: emu.url, tenant: emu.tenant });
  });
  afterAll(() => {
    runner?.close();
  });

  it('checks health, version and status', async () => {
    expect(await runner.health.check()).toEqual({ msg: 'ok' });
    expect(await checkHybridHealth(runner)).toEqual({ msg: 'ok' });
    expect((await runner.version.get()).version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await getHybridVersion(runner)).toHaveProperty('lastPullDate');
    const status = await getHybridStatus(runner);
    expect(status.models[0]).toMatchObject({ tenant: emu.tenant });
    expect(Array.isArray((await runner.status.get()).models[0]!.model_stats)).toBe(true);
  });

  it('uploads the sample WASM package and runs it', async () => {
    const pkg = await wasmPackage();
    const uploaded = await runner.services.upload(pkg, { fileName: 'volume-cylinder.zip' });
    const service = uploaded.response_data[0]!.services[0]!;
    expect(uploaded.response_data[0]!.tenant).toBe(emu.tenant);
    expect(service.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emu.requests.some((r) => r.method === 'POST' && r.path === '/api/v3/upload')).toBe(true);

    const { outputs } = await runner.services.execute<{ radius: number; height: number }, { volume: number }>(
      `version/${service.VersionId}`, { inputs: { radius: 2, height: 3 } });
    expect(outputs[0]!.volume).toBeCloseTo(Math.PI * 12, 2); // the real workbook rounds to 3 decimals

    const validation = await runner.services.validate(`version/${service.VersionId}`, { validationType: 'dynamic' });
    expect(validation.response_meta).toMatchObject({ version_id: service.VersionId });
    const metadata = await getHybridMetadata(runner, `version/${service.VersionId}`);
    expect(metadata.response_meta).toMatchObject({ version_id: service.VersionId });
  });

  it('runs the built-in model by service id (validation, metadata, execute v3/v4)', async () => {
    const model = emu.addModel('hybrid-folder/volume-cylinder', ({ radius, height }) => ({ volume: Math.PI * Number(radius) ** 2 * Number(height) }));
    const validation = await validateHybridService(runner, `service/${model.serviceId}`);
    expect(validation.response_meta).toMatchObject({ service_id: model.serviceId });
    expect((await runner.services.getMetadata(`service/${model.serviceId}`)).response_meta).toMatchObject({ service_id: model.serviceId });
    const many = await runner.services.execute('hybrid-folder/volume-cylinder', { inputs: [{ radius: 1, height: 1 }, { radius: 1, height: 2 }] });
    expect(many.outputs.map((o) => Number(o['volume']))).toEqual([Math.PI, 2 * Math.PI].map((x) => expect.closeTo(x, 6)) as never);
  });

  it('maps runner errors', async () => {
    await expect(uploadHybridService(runner, new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(SparkBadRequestError);
    await expect(runner.services.validate('version/00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('validates before sending', async () => {
    const before = emu.requests.length;
    await expect(runner.services.upload('nope' as never)).rejects.toThrow(/"file"/);
    await expect(runner.services.validate('version/x', { validationType: 'nope' as never })).rejects.toThrow(/"validationType"/);
    expect(emu.requests.length).toBe(before);
  });
});
