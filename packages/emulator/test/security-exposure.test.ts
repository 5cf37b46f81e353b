import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { KEY } from './helpers.js';
import { rawRequest } from './raw-http.js';

// Issue 14 §6: a page in any browser on the machine, or a DNS-rebound name, must not drive
// the emulator; `/public/` serves only services marked public; packages need credentials.
let emu: Emulator;
let runs = 0;
beforeAll(async () => {
  emu = await startEmulator({ cors: ['https://app.example'], allowedHosts: ['dev.example'] });
  emu.addModel('private/counter', () => ({ runs: ++runs }));
  emu.addModel('open/counter', () => ({ runs: ++runs }), { public: true });
});
afterAll(() => emu.close());

/** Whether this machine can listen on the IPv6 loopback (CI machines may run without IPv6). */
const HAS_IPV6 = await new Promise<boolean>((resolve) => {
  const probe = createServer();
  probe.once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

const exec = (folder: string, pub = false) => `/${emu.tenant}/api/v3${pub ? '/public' : ''}/folders/${folder}/services/counter/execute`;
const json = { 'content-type': 'application/json' };
const body = JSON.stringify({ request_data: { inputs: {} } });
const host = () => new URL(emu.url).host;

describe('CORS: only listed and local origins', () => {
  it('allows a local page on any port and a listed origin, echoing only those', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'HTTP://LOCALHOST:5173', 'https://app.example']) {
      const r = await rawRequest(emu.url, 'POST', exec('private'), { ...KEY, ...json, origin }, body);
      expect(r.status, origin).toBe(200);
      expect(r.headers['access-control-allow-origin'], origin).toBe(origin);
    }
  });

  it('refuses a foreign page with 403, no CORS headers, and runs nothing', async () => {
    const before = runs;
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example:80', 'http://127.0.0.1:8080.evil.example', 'https://localhost:5173', 'https://app.example.evil']) {
      const pre = await rawRequest(emu.url, 'OPTIONS', exec('private'), { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-synthetic-key' });
      expect(pre.status, origin).toBe(403);
      expect(pre.headers['access-control-allow-origin'], origin).toBeUndefined();
      const simple = await rawRequest(emu.url, 'POST', exec('private'), { ...KEY, 'content-type': 'text/plain', origin }, body);
      expect(simple.status, origin).toBe(403);
      expect(simple.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(JSON.parse(simple.body).errorCode).toBe('ORIGIN_NOT_ALLOWED');
    }
    expect(runs).toBe(before);
  });
});

describe('Host header: DNS rebinding', () => {
  it('refuses a Host that names another site', async () => {
    const r = await rawRequest(emu.url, 'GET', '/health', { host: 'attacker.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).errorCode).toBe('HOST_NOT_ALLOWED');
    const port = await rawRequest(emu.url, 'GET', '/health', { host: `attacker.example:${new URL(emu.url).port}` });
    expect(port.status).toBe(403);
  });

  it('serves the bound address, localhost and allowedHosts', async () => {
    for (const h of [host(), `localhost:${new URL(emu.url).port}`, 'localhost', 'dev.example:3000']) {
      expect((await rawRequest(emu.url, 'GET', '/health', { host: h })).status, h).toBe(200);
    }
  });

  it.runIf(HAS_IPV6)('bound to IPv6 loopback, serves its own URL ([::1]:port) and still refuses another site', async () => {
    const v6 = await startEmulator({ host: '::1' });
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await rawRequest(v6.url, 'GET', '/health', {})).status).toBe(200);
      expect((await rawRequest(v6.url, 'GET', '/health', { host: 'attacker.example' })).status).toBe(403);
    } finally {
      await v6.close();
    }
  });
});

describe('/public/ routes and package downloads', () => {
  it('execute, validation and metadata serve only services marked public', async () => {
    const denied = await rawRequest(emu.url, 'POST', exec('private', true), json, body);
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body).error.message).toContain('private/counter is not public');
    const v4 = await rawRequest(emu.url, 'POST', `/${emu.tenant}/api/v4/public/execute`, json, JSON.stringify({ service: 'private/counter', inputs: [{}] }));
    expect(v4.status).toBe(401);
    const meta = await rawRequest(emu.url, 'GET', `/${emu.tenant}/api/v3/public/folders/private/services/counter/metadata`, {});
    expect(meta.status).toBe(401);
    const ok = await rawRequest(emu.url, 'POST', exec('open', true), json, body);
    expect(ok.status).toBe(200);
    expect((await rawRequest(emu.url, 'POST', exec('my-folder', true).replace('counter', 'volume-cylinder'), json, body)).status).toBe(200);
  });

  it('WASM packages and hybrid uploads need credentials; handed-out files are unguessable capability URLs', async () => {
    for (const pub of ['', '/public']) {
      const path = `/${emu.tenant}/api/v3/nodegen${pub}/getnodegenzipbyId/folders/open/services/counter`;
      expect((await rawRequest(emu.url, 'GET', path, {})).status, path).toBe(401);
      expect((await rawRequest(emu.url, 'GET', path, KEY)).status, path).toBe(200);
    }
    expect((await rawRequest(emu.url, 'POST', '/api/v3/upload', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--')).status).toBe(401);
    const exp = await rawRequest(emu.url, 'POST', `/${emu.tenant}/api/v4/export`, { ...KEY, ...json }, JSON.stringify({ inputs: { services: ['open/counter'] } }));
    const statusUrl = new URL(JSON.parse(exp.body).status_url as string);
    let files: { file: string }[] = [];
    for (let i = 0; i < 50 && files.length === 0; i++) {
      const s = JSON.parse((await rawRequest(emu.url, 'GET', statusUrl.pathname, KEY)).body);
      files = s.outputs?.files ?? [];
      if (files.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    const file = new URL(files[0]!.file).pathname;
    expect(file).toMatch(/^\/files\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\//); // randomUUID
    expect((await rawRequest(emu.url, 'GET', file, {})).status).toBe(200); // as Spark's presigned URLs
    expect((await rawRequest(emu.url, 'GET', file, { host: 'attacker.example' })).status).toBe(403);
  });
});
