import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkNotFoundError, SparkUnauthorizedError, type SparkClient } from '@spark/core';
import type { ServiceRecord } from '@spark/emulator';
import { withEmulator } from '@spark/test-utils/emulator';
import { downloadWasm, wasm } from '../src/index.js';

describe('wasm against the emulator', () => {
  const emu = withEmulator();
  let spark: SparkClient;
  let service: ServiceRecord;

  beforeAll(() => {
    spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey });
    // A JS model: the emulator serves a generated package for it (a real WASM package is
    // exercised by @spark/hybrid's upload test; loading one here would only slow the suite).
    service = emu.addModel('wasm-folder/volume-cylinder', (inputs) => ({ volume: Number(inputs['radius']) }));
  });
  afterAll(() => {
    spark?.close();
  });

  const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

  it('downloads by version id, service id and folder/service', async () => {
    for (const uri of [`version/${service.versionId}`, `service/${service.serviceId}`, 'wasm-folder/volume-cylinder', `wasm-folder/volume-cylinder[${service.version}]`]) {
      const pkg = await spark.use(wasm).wasm.download(uri);
      expect(isZip(await pkg.bytes()), uri).toBe(true);
    }
  });

  it('downloads through the public API variant (the emulator asks for credentials there too)', async () => {
    const pkg = await downloadWasm(spark, { versionId: service.versionId, public: true });
    expect(isZip(await pkg.bytes())).toBe(true);
    expect(pkg.contentType).toBe('application/zip');
    await using anonymous = createClient({ baseUrl: emu.baseUrl, apiKey: 'open', maxRetries: 0 });
    await expect(downloadWasm(anonymous, { versionId: service.versionId, public: true })).rejects.toBeInstanceOf(SparkUnauthorizedError);
  });

  it('maps an unknown version to SparkNotFoundError', async () => {
    await expect(downloadWasm(spark, 'version/00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(SparkNotFoundError);
  });
});
