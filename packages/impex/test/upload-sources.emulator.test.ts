import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkSdkError, type SparkClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { exportServices, importServices } from '../src/index.js';

const FAST = { pollInterval: 10, timeout: 15_000 };

describe('impex imports from Node sources', () => {
  const source = withEmulator();
  const target = withEmulator({ tenant: 'prod-tenant' });
  let from: SparkClient;
  let to: SparkClient;
  let dir = '';
  let zipPath = '';

  beforeAll(async () => {
    from = createClient({ baseUrl: source.baseUrl, apiKey: 'test-api-key' });
    to = createClient({ baseUrl: target.baseUrl, apiKey: 'test-api-key' });
    dir = await mkdtemp(join(tmpdir(), 'spark-impex-'));
    zipPath = join(dir, 'export.zip');
    const { files } = await exportServices(from, { services: ['my-folder/volume-cylinder'], ...FAST });
    await files[0]!.toFile(zipPath);
  });
  afterAll(async () => {
    from?.close();
    to?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports an exported package given as a file path', async () => {
    const status = await importServices(to, { file: zipPath, destination: { source: 'my-folder/volume-cylinder', target: 'by-path/volume-cylinder' }, ...FAST });
    expect(status.outputs?.services?.[0]).toMatchObject({ service_uri_destination: 'by-path/volume-cylinder' });
  });

  it('imports an exported package given as a Node Readable', async () => {
    const status = await importServices(to, {
      file: createReadStream(zipPath), destination: { source: 'my-folder/volume-cylinder', target: 'by-stream/volume-cylinder' }, ...FAST,
    });
    expect(status.outputs?.services?.[0]).toMatchObject({ service_uri_destination: 'by-stream/volume-cylinder' });
  });

  it('a missing path is a SparkSdkError before anything is sent', async () => {
    const before = target.stats().requests;
    const error = await importServices(to, { file: join(dir, 'nope.zip'), destination: 'my-folder/x', ...FAST }).then(() => new Error('resolved'), (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe(`impex.import: "file" could not be read from "${join(dir, 'nope.zip')}" (ENOENT)`);
    expect(target.stats().requests).toBe(before);
  });
});
