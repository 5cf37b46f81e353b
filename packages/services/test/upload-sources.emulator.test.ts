import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkSdkError, type SparkFetch } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { compileService, createService } from '../src/index.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WORKBOOK = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4]);
const emu = withEmulator();
let dir = '';
const parts: File[] = [];
// Forwards to the emulator and keeps the multipart `serviceFile` part the SDK put on the wire.
const recording: SparkFetch = async (input, init) => {
  if (init?.body instanceof FormData) parts.push(init.body.get('serviceFile') as File);
  return fetch(input, init);
};
const client = () => createClient({ baseUrl: emu.baseUrl, apiKey: 'test-api-key', maxRetries: 0, fetch: recording });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-upload-'));
  await writeFile(join(dir, 'pricing.xlsx'), WORKBOOK);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('service uploads from Node sources', () => {
  it('compiles a workbook given as a file path: its bytes, its name and the xlsx type go on the wire', async () => {
    using spark = client();
    const compiled = await compileService(spark, { folder: 'uploads', service: 'from-path', file: join(dir, 'pricing.xlsx'), pollInterval: 1 });
    expect(compiled.compilation.response_data.status).toBe('Success');
    const part = parts.at(-1)!;
    expect([part.name, part.type]).toEqual(['pricing.xlsx', XLSX_TYPE]);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(WORKBOOK);
    // The same through the built-in node:http pool (a file-backed Blob in a multipart body).
    using pooled = createClient({ baseUrl: emu.baseUrl, apiKey: 'test-api-key', maxRetries: 0 });
    const again = await compileService(pooled, { folder: 'uploads', service: 'from-path-pool', file: join(dir, 'pricing.xlsx'), pollInterval: 1 });
    expect(again.compilation.response_data.status).toBe('Success');
  });

  it('creates a service from a Node Readable (fs.createReadStream)', async () => {
    using spark = client();
    const created = await createService(spark, {
      folder: 'uploads', service: 'from-stream', file: createReadStream(join(dir, 'pricing.xlsx')), pollInterval: 1,
    });
    expect(created.publication.response_data.version_id).toEqual(expect.any(String));
    const part = parts.at(-1)!;
    expect([part.name, part.type]).toEqual(['from-stream.xlsx', XLSX_TYPE]);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(WORKBOOK);
  });

  it('a path that cannot be read is a SparkSdkError before anything is sent', async () => {
    using spark = client();
    const before = emu.stats().requests;
    const error = await compileService(spark, { folder: 'uploads', service: 'x', file: join(dir, 'missing.xlsx') }).then(() => new Error('resolved'), (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe(`services.compile: "file" could not be read from "${join(dir, 'missing.xlsx')}" (ENOENT)`);
    expect(emu.stats().requests).toBe(before);
  });
});
