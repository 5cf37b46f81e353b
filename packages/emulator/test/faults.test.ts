import { vi, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { JSON_KEY, post } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const exec = () => `${emu.baseUrl}/api/v3/folders/my-folder/services/sum/execute`;
const body = { request_data: { inputs: { a: 1, b: 2 } } };

describe('fault injection', () => {
  it('answers 429 with Retry-After / x-retry-after for the first N matches only', async () => {
    emu.faults.add({ match: 'POST /my-tenant/api/v3/folders/my-folder/services/sum', status: 429, retryAfter: 0.1, count: 2 });
    const a = await post(exec(), body);
    const b = await post(exec(), body);
    const c = await post(exec(), body);
    expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
    expect(a.headers.get('retry-after')).toBe('0.1');
    expect(a.headers.get('x-retry-after')).toBe('0.1');
    expect(a.body.status).toBe('Error');
    emu.faults.clear();
  });

  it('answers a given JSON body instead of routing (status 200 unless given), for the first N matches', async () => {
    const failed = { status: 'Success', error: null, response_data: { status: 'Fail', last_error_message: 'bad formula', progress: 100 } };
    emu.faults.add({ match: /\/sum\/execute$/, body: failed, headers: { 'x-extra': 'yes' }, count: 1 });
    emu.faults.add({ match: /\/sum\/execute$/, body: { queued: true }, status: 202, count: 1 });
    const a = await post(exec(), body);
    expect(a.status).toBe(200);
    expect(a.body).toEqual(failed);
    expect(a.headers.get('x-extra')).toBe('yes');
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    const b = await post(exec(), body);
    expect([b.status, b.body]).toEqual([202, { queued: true }]);
    const c = await post(exec(), body);
    expect([c.status, c.body.response_data.outputs]).toEqual([200, { sum: 3 }]);
    emu.faults.clear();
  });

  it('holds an answer after routing (answerDelayMs): a later request answers first', async () => {
    // A long hold, so a busy machine still answers the second request well inside it.
    emu.faults.add({ match: /\/sum\/execute$/, answerDelayMs: 1500, count: 1 });
    const routed = () => emu.stats().byRoute['services.execute.v3'] ?? 0;
    const order: string[] = [];
    const start = routed();
    const slow = post(exec(), body).then((r) => (order.push('slow'), r));
    // Handled already, answer still held.
    await vi.waitFor(() => expect(routed() - start).toBe(1), { timeout: 5000, interval: 5 });
    expect(order).toEqual([]);
    const fast = post(exec(), body).then((r) => (order.push('fast'), r));
    const [a, b] = await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.response_data.outputs, b.body.response_data.outputs]).toEqual([{ sum: 3 }, { sum: 3 }]);
    emu.faults.clear();
  });

  it('destroys the socket before or after the body (fetch rejects)', async () => {
    emu.faults.add({ match: /\/sum\/execute$/, reset: 'before-body', count: 1 });
    await expect(fetch(exec(), { method: 'POST', headers: JSON_KEY, body: JSON.stringify(body) })).rejects.toThrow();
    emu.faults.add({ match: /\/sum\/execute$/, reset: 'after-body', count: 1 });
    await expect(fetch(exec(), { method: 'POST', headers: JSON_KEY, body: JSON.stringify(body) })).rejects.toThrow();
    expect((await post(exec(), body)).status).toBe(200);
    emu.faults.clear();
  });

  it('is reproducible with a seeded rate', async () => {
    const run = async () => {
      emu.faults.clear();
      emu.faults.add({ match: 'GET /health', status: 503, rate: 0.5, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await fetch(`${emu.url}/health`)).status);
      return out;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
    emu.faults.clear();
  });

  it('adds latency and extra headers without changing the answer', async () => {
    emu.faults.add({ match: 'GET /health', latencyMs: 150, headers: { 'x-fault': 'slow' }, count: 1 });
    const t0 = Date.now();
    const res = await fetch(`${emu.url}/health`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-fault')).toBe('slow');
    emu.faults.clear();
  });

  it('hangs until the client aborts', async () => {
    emu.faults.add({ match: 'GET /health', hang: true, count: 1 });
    const ctrl = new AbortController();
    const pending = fetch(`${emu.url}/health`, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 200);
    await expect(pending).rejects.toThrow(/abort/i);
    expect((await fetch(`${emu.url}/health`)).status).toBe(200);
  });

  it('applies faults from the options too', async () => {
    const other = await startEmulator({ faults: [{ match: '/health', status: 500, count: 1 }] });
    try {
      expect((await fetch(`${other.url}/health`)).status).toBe(500);
      expect((await fetch(`${other.url}/health`)).status).toBe(200);
    } finally {
      await other.close();
      await other.close();
    }
  });
});
