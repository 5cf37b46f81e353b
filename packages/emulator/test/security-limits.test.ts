import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { JSON_KEY, KEY, post } from './helpers.js';
import { drip, openSocket, rawRequest } from './raw-http.js';

// Issue 14 §6: a hostile client cannot make the emulator read an unauthorised body, inflate a
// gzip bomb, hold megabytes in `requests`, or keep a dripping connection open.
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
});
afterAll(() => emu.close());

const execPath = () => `/${emu.tenant}/api/v3/folders/my-folder/services/echo/execute`;

describe('request bodies', () => {
  it('answers 401 before reading the body of an unauthorised request, then closes', async () => {
    const s = await openSocket(emu.url);
    // Headers promise 50 MB; only headers are sent. The answer must not wait for the body.
    s.socket.write(`POST ${execPath()} HTTP/1.1\r\nHost: ${new URL(emu.url).host}\r\ncontent-type: application/json\r\ncontent-length: 50000000\r\n\r\n{`);
    await s.closed(3_000);
    expect(s.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(s.received().toLowerCase()).toContain('connection: close');
  });

  it('refuses a gzip bomb once its decoded size passes the default 64 MiB cap', async () => {
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20)); // ~80 KB on the wire
    expect(bomb.length).toBeLessThan(200_000);
    const r = await rawRequest(emu.url, 'POST', execPath(), { ...JSON_KEY, 'content-encoding': 'gzip' }, bomb);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toMatchObject({ error_category: 'application_error', error_type: 'error.PAYLOAD_TOO_LARGE' });
  });

  it('applies maxBodyBytes to decoded and raw bodies alike', async () => {
    const small = await startEmulator({ maxBodyBytes: 64 * 1024 });
    try {
      const url = `/${small.tenant}/api/v3/folders/my-folder/services/echo/execute`;
      const big = JSON.stringify({ request_data: { inputs: { pad: 'x'.repeat(100 * 1024) } } });
      expect((await rawRequest(small.url, 'POST', url, { ...JSON_KEY, 'content-encoding': 'gzip' }, gzipSync(big))).status).toBe(413);
      expect((await rawRequest(small.url, 'POST', url, JSON_KEY, big)).status).toBe(413);
      const fits = JSON.stringify({ request_data: { inputs: { pad: 'x'.repeat(1024) } } });
      expect((await rawRequest(small.url, 'POST', url, { ...JSON_KEY, 'content-encoding': 'gzip' }, gzipSync(fits))).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('keeps only a 16 KiB prefix of a body in requests', async () => {
    const body = JSON.stringify({ request_data: { inputs: { pad: 'y'.repeat(200 * 1024) } } });
    expect((await rawRequest(emu.url, 'POST', execPath(), JSON_KEY, body)).status).toBe(200);
    const last = emu.requests.at(-1)!;
    expect(last.body).toHaveLength(16 * 1024);
    expect(last.bodyTruncated).toBe(true);
    expect(last.bodyBytes).toBe(body.length);
  });
});

describe('packages in requests', () => {
  // A zip is a compressed body of its own: an import or a hybrid upload must not unpack a
  // ~100 KB package into 96 MiB (or, with the default cap, 64 MiB into 64 GiB).
  const bomb = () => zipSync({ 't/manifest.json': strToU8('{}'), 't/pad.bin': new Uint8Array(96 * 1024 * 1024) }, { level: 9 });
  /** The same zip, its central directory declaring 16 bytes for pad.bin (an entry that holds more than it says). */
  const lying = () => {
    const zip = bomb();
    const data = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    const cd = data.readUInt32LE(data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    for (let at = cd; data.readUInt32LE(at) === 0x02014b50; at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)) {
      if (data.toString('utf8', at + 46, at + 46 + data.readUInt16LE(at + 28)) === 't/pad.bin') data.writeUInt32LE(16, at + 24);
    }
    return zip;
  };
  const importZip = async (e: Emulator, zip: Uint8Array) => {
    const form = new FormData();
    form.append('importRequestEntity', '{}');
    form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'package.zip');
    const job = await (await fetch(`${e.baseUrl}/api/v4/import`, { method: 'POST', headers: KEY, body: form })).json();
    return (await fetch(job.status_url, { headers: KEY })).json();
  };

  it('an import that unpacks past maxBodyBytes, or past what an entry declares, fails without being inflated', async () => {
    const small = await startEmulator({ maxBodyBytes: 1024 * 1024 });
    try {
      expect(bomb().length).toBeLessThan(200_000);
      const big = await importZip(small, bomb());
      expect(big).toMatchObject({ status: 'failed', errors: [{ code: 'IMPORT_FAILED' }] });
      expect(big.errors[0].message).toMatch(/unpacks to more than 1048576 bytes/);
      const lie = await importZip(small, lying());
      expect(lie).toMatchObject({ status: 'failed', errors: [{ code: 'IMPORT_FAILED' }] });
      expect(lie.errors[0].message).toMatch(/pad\.bin .*16 bytes/);
    } finally {
      await small.close();
    }
  });

  it('an import whose central directory points past the end fails as a corrupt zip', async () => {
    const zip = zipSync({ 't/manifest.json': strToU8('{}') });
    const data = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    data.writeUInt32LE(0xfffffff0, data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    const failed = await importZip(emu, zip);
    expect(failed).toMatchObject({ status: 'failed', errors: [{ code: 'IMPORT_FAILED' }] });
    expect(failed.errors[0].message).toMatch(/corrupt zip \(an offset or a size points past its end\)/);
  });

  it('a hybrid upload that unpacks past maxBodyBytes is refused', async () => {
    const small = await startEmulator({ maxBodyBytes: 1024 * 1024 });
    try {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(zipSync({ 'model.wasm': new Uint8Array(96 * 1024 * 1024) }, { level: 9 }))], { type: 'application/zip' }), 'package.zip');
      const r = await fetch(`${small.url}/api/v3/upload`, { method: 'POST', headers: KEY, body: form });
      expect(r.status).toBe(400);
      expect(await r.text()).toMatch(/unpacks to more than 1048576 bytes/);
    } finally {
      await small.close();
    }
  });
});

describe('batch pipelines', () => {
  const chunk = (id: string, rows: number) => ({ id, data: { inputs: [['radius', 'height'], ...Array.from({ length: rows }, (_, i) => [1000 + i, 1000 + i])] } });

  it('share one tenant buffer: a push past it is a 429 whatever buffer each pipeline asked for', async () => {
    // Slow workers: pushed chunks stay in the buffers while the test pushes.
    const small = await startEmulator({ batch: { workers: 1, recordLatencyMs: 50, tenantBufferBytes: 64 * 1024 } });
    try {
      const url = (p = '') => `${small.baseUrl}/api/v4/batch${p}`;
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await post(url(), { service: 'my-folder/volume-cylinder', max_input_size_in_mb: 100_000 })).body.id);
      const first = await post(url(`/${ids[0]}/chunks`), { chunks: [chunk('a', 2000)] });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const second = await post(url(`/${ids[1]}/chunks`), { chunks: [chunk('b', 2000)] });
      expect(second.status).toBe(200);
      const third = await post(url(`/${ids[2]}/chunks`), { chunks: [chunk('c', 2000)] });
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('BATCH_INPUT_BUFFER_FULL');
      expect(third.body.error.message).toContain('tenant buffer full');
      expect(third.headers.get('retry-after')).toBe('1');
      expect((await post(url(`/${ids[2]}/chunks`), { chunks: [chunk('d', 10)] })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('refuses a 1,001st open pipeline with a 429', async () => {
    const many = await startEmulator({ recordRequests: false });
    try {
      const url = `${many.baseUrl}/api/v4/batch`;
      for (let i = 0; i < 1000; i++) expect((await post(url, { service: 'my-folder/volume-cylinder' })).status).toBe(200);
      const refused = await post(url, { service: 'my-folder/volume-cylinder' });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('BATCH_LIMIT_REACHED');
    } finally {
      await many.close();
    }
  });
});

describe('the requests log', () => {
  it('keeps the last 1,000 requests, and none with recordRequests: false', async () => {
    for (const recordRequests of [true, false]) {
      const e = await startEmulator({ recordRequests });
      try {
        for (let i = 0; i < 1_050; i += 50) {
          await Promise.all(Array.from({ length: 50 }, (_, j) => fetch(`${e.url}/health?n=${i + j}`).then((r) => r.arrayBuffer())));
        }
        expect(e.requests).toHaveLength(recordRequests ? 1_000 : 0);
        if (recordRequests) expect(new Set(e.requests.map((r) => r.path))).toEqual(new Set(Array.from({ length: 1_000 }, (_, k) => `/health?n=${50 + k}`)));
      } finally {
        await e.close();
      }
    }
  });
});

describe('slow clients', () => {
  it('closes a connection that drips its headers', async () => {
    const s = await openSocket(emu.url);
    void drip(s, `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nx-pad: ${'a'.repeat(200)}\r\n\r\n`, 20);
    const ms = await s.closed(3_000);
    expect(ms).toBeLessThan(3_000);
    expect(s.received()).not.toContain('200 OK');
    expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that drips its body', async () => {
    const s = await openSocket(emu.url);
    s.socket.write(`POST ${execPath()} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-synthetic-key: test-api-key\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n`);
    void drip(s, '{'.padEnd(400, ' '), 20);
    const ms = await s.closed(3_000);
    expect(ms).toBeLessThan(3_000);
    expect(s.received()).not.toContain('200 OK');
    expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});
