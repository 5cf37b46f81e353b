import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { call, get, post } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ batch: { workers: 3, inputBufferBytes: 4096, idleTimeoutMs: 300 } });
});
afterAll(() => emu.close());

const url = (p = '') => `${emu.baseUrl}/api/v4/batch${p}`;
const chunk = (id: string, rows: number[][], size?: number) => ({ id, size: size ?? rows.length + 1, data: { inputs: [['radius', 'height'], ...rows], parameters: {} } });

async function until(fn: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('batch pipelines', () => {
  it('creates a batch (every buffer-size spelling accepted) with the §6.7 create shape', async () => {
    for (const key of ['max_input_size_in_mb', 'max_input_size', 'max_input_in_mb']) {
      const r = await post(url(), { service: 'my-folder/volume-cylinder', [key]: 1 });
      expect(r.status).toBe(200);
      expect(r.body.object).toBe('batch');
      expect(r.body.data.batch_status).toBe('created');
      expect(r.body.data.service_uri).toBe('my-folder/volume-cylinder[0.1.0]');
      const info = await get(url(`/${r.body.id}`));
      expect(info.body.data.configuration.input_buffer_allocated_bytes).toBe(1024 * 1024);
    }
  });

  it('processes records in = records out, drains buffers to zero, ignores duplicate chunk ids', async () => {
    const created = await post(url(), { service: 'my-folder/volume-cylinder', max_input_size_in_mb: 1 });
    const id = created.body.id;
    const push1 = await post(url(`/${id}/chunks`), { chunks: [chunk('c1', [[1, 1], [2, 1]], 3), chunk('c2', [[3, 1]])] });
    expect(push1.status).toBe(200);
    expect(push1.body.record_submitted).toBe(3);
    expect(push1.body.chunks_submitted).toBe(2);
    const dup = await post(url(`/${id}/chunks`), { chunks: [chunk('c1', [[1, 1], [2, 1]]), chunk('c3', [[4, 1], [5, 1], [6, 1]])] });
    expect(dup.body.record_submitted).toBe(6);
    expect(dup.body.chunks_submitted).toBe(3);
    await until(async () => (await get(url(`/${id}/status`))).body.records_completed === 6);
    const outputs: Record<string, number[]> = {};
    let guard = 0;
    while (Object.keys(outputs).length < 3 && guard++ < 50) {
      const pulled = await get(url(`/${id}/chunkresults?max=2`));
      expect(pulled.body.data.length).toBeLessThanOrEqual(2);
      for (const c of pulled.body.data) outputs[c.id] = c.outputs.map((o: { volume: number }) => Math.round(o.volume * 1000) / 1000);
    }
    expect(outputs).toEqual({ c1: [3.142, 12.566], c2: [28.274], c3: [50.265, 78.54, 113.097] });
    const again = await get(url(`/${id}/chunkresults?max_chunks=10`));
    expect(again.body.data).toEqual([]);
    const st = again.body.status;
    expect(st).toMatchObject({ record_submitted: 6, records_completed: 6, records_available: 0, chunks_available: 0, input_buffer_used_bytes: 0, output_buffer_used_bytes: 0, batch_status: 'in_progress', pipeline_status: 'idle' });
    const closed = await call('PATCH', url(`/${id}`), { batch_status: 'closed' });
    expect(closed.status).toBe(200);
    expect((await get(url(`/${id}/status`))).body.batch_status).toBe('completed');
    expect((await post(url(`/${id}/chunks`), { chunks: [chunk('c9', [[1, 1]])] })).status).toBe(409);
    expect((await call('PATCH', url(`/${id}`), { batch_status: 'closed' })).status).toBe(409);
  });

  it('rejects a push beyond the remaining input buffer with 429 and a too-big push with 413', async () => {
    const slow = await startEmulator({ batch: { workers: 1, recordLatencyMs: 5, inputBufferBytes: 4096 } });
    try {
      const u = (p = '') => `${slow.baseUrl}/api/v4/batch${p}`;
      const id = (await post(u(), { service: 'my-folder/volume-cylinder' })).body.id;
      const rows = Array.from({ length: 100 }, (_, i) => [1000 + i, 1000 + i]);
      const big = await post(u(`/${id}/chunks`), { chunks: [chunk('big', [...rows, ...rows, ...rows, ...rows])] });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('BATCH_PAYLOAD_TOO_LARGE');
      const first = await post(u(`/${id}/chunks`), { chunks: [chunk('f0', rows), chunk('f1', rows)] });
      expect(first.status).toBe(200);
      expect(first.body.input_buffer_used_bytes).toBeGreaterThan(2048);
      const second = await post(u(`/${id}/chunks`), { chunks: [chunk('g0', rows), chunk('g1', rows)] });
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe('BATCH_INPUT_BUFFER_FULL');
      expect(second.headers.get('retry-after')).toBe('1');
      expect((await get(u(`/${id}/status`))).body.record_submitted).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('reports per-record model errors and cancels', async () => {
    const created = await post(url(), { service: 'my-folder/sum' });
    const id = created.body.id;
    await post(url(`/${id}/chunks`), { chunks: [{ id: 'e', data: { inputs: [['a', 'b'], [1, 2], ['x', 2]] } }] });
    await until(async () => (await get(url(`/${id}/status`))).body.records_available === 2);
    const pulled = await get(url(`/${id}/chunkresults`));
    const [c] = pulled.body.data;
    expect(c.outputs).toEqual([{ sum: 3 }, {}]);
    expect(c.errors[0]).toBeNull();
    expect(c.errors[1][0].message).toContain('must be a number');
    expect(pulled.body.status.records_failed).toBe(1);
    const cancel = await call('PATCH', url(`/${id}`), { batch_status: 'cancelled' });
    expect(cancel.body.status.batch_status).toBe('cancelled');
    expect((await get(url(`/${id}/chunkresults`))).status).toBe(409);
  });

  it('applies parameters and summary aggregation', async () => {
    const created = await post(url(), { service: 'my-folder/sum' });
    const id = created.body.id;
    await post(url(`/${id}/chunks`), { chunks: [{ id: 'p', data: { inputs: [['a'], [1], [2]], parameters: { b: 10 }, summary: { aggregation: [{ output_name: 'sum', operator: 'SUM' }] } } }] });
    await until(async () => (await get(url(`/${id}/status`))).body.records_available === 2);
    const [c] = (await get(url(`/${id}/chunkresults`))).body.data;
    expect(c.outputs).toEqual([{ sum: 11 }, { sum: 12 }]);
    expect(c.summary_output).toEqual([{ output_name: 'sum', operator: 'SUM', value: 23 }]);
  });

  it('auto-closes an idle pipeline and describes batches', async () => {
    const created = await post(url(), { service: 'my-folder/volume-cylinder' });
    await new Promise((r) => setTimeout(r, 450));
    const st = await get(url(`/${created.body.id}/status`));
    expect(st.body.batch_status).toBe('completed_by_timeout');
    expect(st.body.pipeline_status).toBe('closed');
    const d = await get(url('/status'));
    expect(Array.isArray(d.body.in_progress_batches)).toBe(true);
    expect(d.body.recent_batches.some((b: { id: string }) => b.id === created.body.id)).toBe(true);
    expect(d.body.tenant.status).toHaveProperty('input_buffer_used_bytes');
  });
});
