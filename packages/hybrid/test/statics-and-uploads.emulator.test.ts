import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SparkFetch } from '@spark/core';
import { samplePath } from '@spark/test-utils';
import { withEmulator } from '@spark/test-utils/emulator';
import { createHybridClient, HybridClient, uploadHybridService } from '../src/index.js';

const SAMPLE = samplePath('volume-cylinder.zip');
const emu = withEmulator({ openAccess: true });
let dir = '';
let pkgPath = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-hybrid-'));
  const entries = unzipSync(new Uint8Array(await readFile(SAMPLE)));
  const name = Object.keys(entries).find((n) => /\/[0-9a-f-]{36}\.zip$/i.test(n))!;
  pkgPath = join(dir, 'volume-cylinder.zip');
  await writeFile(pkgPath, entries[name]!);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hybrid runner statics (no tenant, no client)', () => {
  it('healthCheck, getVersion and getStatus call the runner routes without a tenant or credentials', async () => {
    const before = emu.requests.length;
    expect(await HybridClient.healthCheck(`${emu.url}/ignored-path`)).toEqual({ msg: 'ok' });
    expect((await HybridClient.getVersion(emu.url)).version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Array.isArray((await HybridClient.getStatus(emu.url, { timeout: 5_000 })).models)).toBe(true);
    const seen = emu.requests.slice(before);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /healthcheck', 'GET /version', 'GET /status']);
    expect(seen.every((r) => r.headers['x-synthetic-key'] === undefined && r.headers['authorization'] === undefined)).toBe(true);
  });
});

describe('HybridClient.use copies a runner client', () => {
  it('keeps the runner, tenant and auth; overrides move the tenant or replace the credentials', async () => {
    const urls: string[] = [];
    const keys: Array<string | null> = [];
    const recording: SparkFetch = async (input, init) => {
      urls.push(String(input));
      keys.push(new Headers(init?.headers).get('x-synthetic-key'));
      return new Response('{"status":"Success","response_data":{},"response_meta":{}}', { headers: { 'content-type': 'application/json' } });
    };
    await using runner = createHybridClient({ baseUrl: 'http://127.0.0.1:9/acme', apiKey: 'pull-key', timeout: 4_321, fetch: recording });
    await using copy = HybridClient.use(runner.config, { fetch: recording });
    await using moved = HybridClient.use(runner.config, { tenant: 'other', apiKey: 'other-key', fetch: recording });
    expect(copy.config.timeout).toBe(4_321);
    await copy.services.getMetadata('service/s');
    await moved.services.getMetadata('service/s');
    expect(urls).toEqual(['http://127.0.0.1:9/acme/api/v3/metadata', 'http://127.0.0.1:9/other/api/v3/metadata']);
    expect(keys).toEqual(['pull-key', 'other-key']);
    await copy.close();
    expect(runner.closed).toBe(false);
  });
});

describe('hybrid uploads from Node sources', () => {
  it('uploads a WASM package from a file path (named after the file) and from a Node Readable', async () => {
    await using runner = createHybridClient({ baseUrl: emu.url, tenant: emu.tenant });
    const byPath = await uploadHybridService(runner, pkgPath);
    expect(byPath.response_data[0]!.services[0]!.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    const byStream = await runner.services.upload(createReadStream(pkgPath));
    expect(byStream.response_data[0]!.services[0]!.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(byStream.response_data[0]!.tenant).toBe(emu.tenant);
  });
});
