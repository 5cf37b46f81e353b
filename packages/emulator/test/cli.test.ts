import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, samplePath } from './helpers.js';
import { rawRequest } from './raw-http.js';

const bin = fileURLToPath(new URL('../bin/spark-emulator.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

function start(args: string[]): Promise<{ url: string; out: () => string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Spark emulator listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ url: m[1] as string, out: () => out });
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
}

describe('CLI', () => {
  beforeAll(() => {
    if (!built) throw new Error('dist/cli.js is absent: build first (pnpm turbo run build --filter=@spark/emulator)');
  });

  it('starts with custom credentials and tenant, prints them, serves requests', async () => {
    const { url, out } = await start(['--port', '0', '--tenant', 'acme', '--api-key', 'k1', '--client', 'c:s', '-q']);
    expect(out()).toContain('API key:       k1');
    expect(out()).toContain('OAuth client:  c / s');
    const r = await post(`${url}/acme/api/v3/folders/my-folder/services/sum/execute`, { request_data: { inputs: { a: 2, b: 2 } } }, { 'x-synthetic-key': 'k1', 'content-type': 'application/json' });
    expect(r.body.response_data.outputs).toEqual({ sum: 4 });
  });

  it('--open serves execute without credentials and says so; the tenant is still checked', async () => {
    const { url, out } = await start(['--port', '0', '--open']);
    expect(out()).toContain('access:        open (no credentials needed)');
    const body = { request_data: { inputs: { a: 1, b: 5 } } };
    const json = { 'content-type': 'application/json' };
    const r = await post(`${url}/my-tenant/api/v3/folders/my-folder/services/sum/execute`, body, json);
    expect([r.status, r.body.response_data.outputs]).toEqual([200, { sum: 6 }]);
    expect((await post(`${url}/other/api/v3/folders/my-folder/services/sum/execute`, body, json)).status).toBe(400);
  });

  it('--cors, --allowed-host and --folder-api-keys widen exactly what they name', async () => {
    const { url } = await start(['--port', '0', '--cors', 'https://app.example', '--allowed-host', 'dev.example', '--folder-api-keys', '-q']);
    expect((await post(`${url}/api/v1/product/list`, {})).status).toBe(200);
    const ok = await rawRequest(url, 'GET', '/health', { origin: 'https://app.example', host: 'dev.example' });
    expect([ok.status, ok.headers['access-control-allow-origin']]).toEqual([200, 'https://app.example']);
    expect((await rawRequest(url, 'GET', '/health', { origin: 'https://other.example' })).status).toBe(403);
    expect((await rawRequest(url, 'GET', '/health', { host: 'other.example' })).status).toBe(403);
  });

  it('loads --model packages before listening; --public marks one public', async () => {
    const zip = samplePath('volume-cylinder.zip');
    const { url, out } = await start(['--port', '0', '--no-builtins', '--model', `demo/cyl=${zip}`, '--model', `demo/private=${zip}`, '--public', 'demo/cyl']);
    // Models load before the server listens: no "listening" line precedes them.
    const loaded = out().indexOf('[spark-emulator] loaded demo/private');
    expect(loaded).toBeGreaterThan(-1);
    expect(out().indexOf('[spark-emulator] listening on')).toBeGreaterThan(loaded);
    const inputs = { request_data: { inputs: { radius: 2, height: 3 } } };
    const r = await post(`${url}/my-tenant/api/v3/folders/demo/services/cyl/execute`, inputs);
    expect(r.body.response_data.outputs).toEqual({ volume: 37.699 });
    const json = { 'content-type': 'application/json' };
    expect((await post(`${url}/my-tenant/api/v3/public/folders/demo/services/cyl/execute`, inputs, json)).status).toBe(200);
    expect((await post(`${url}/my-tenant/api/v3/public/folders/demo/services/private/execute`, inputs, json)).status).toBe(401);
    expect((await post(`${url}/my-tenant/api/v3/folders/my-folder/services/sum/execute`, {})).status).toBe(404);
  }, 30_000);
});
