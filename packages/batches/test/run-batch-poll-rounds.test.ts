import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, recorder, type RecordedCall } from '@spark/test-utils';
import { runBatch } from '../src/index.js';
import { numbers, statusBody } from './helpers.js';

/**
 * A pipeline in memory: pushes are accepted at once; each pull takes `pullMs` (on the fake clock)
 * and answers the oldest pushed chunk with `chunks_available: 0`, so every pull ends a round.
 */
function slowPulls(pullMs: number): { fetch: ReturnType<typeof recorder>['fetch']; spark: ReturnType<typeof recorder>['spark']; pullsAt: number[] } {
  const pushed: { id: string; rows: unknown[][] }[] = [];
  const pullsAt: number[] = [];
  let pulled = 0;
  const status = () => statusBody({ chunks_submitted: pushed.length + pulled, chunks_completed: pulled, chunks_available: 0 });
  const rec = recorder(async (call: RecordedCall) => {
    if (call.method === 'POST' && call.url.endsWith('/api/v4/batch')) return json({ object: 'batch', id: 'b1' }, 201);
    if (call.method === 'POST' && call.url.endsWith('/chunks')) {
      for (const c of call.json.chunks as { id: string; data: { inputs: unknown[][] } }[]) pushed.push({ id: c.id, rows: c.data.inputs.slice(1) });
      return json(status());
    }
    if (call.url.includes('/chunkresults')) {
      pullsAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, pullMs));
      const chunk = pushed.shift();
      if (chunk) pulled++;
      const data = chunk ? [{ id: chunk.id, outputs: chunk.rows.map((r) => ({ y: (r[0] as number) * 2 })) }] : [];
      return json({ data, status: status() });
    }
    return json(call.method === 'PATCH' ? { object: 'batch', id: 'b1', data: { batch_status: 'closed' } } : status());
  });
  return { fetch: rec.fetch, spark: rec.spark, pullsAt };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runBatch polling rounds', () => {
  it('starts a round every minPollInterval while results flow: the time a pull took is not added to the wait', async () => {
    // One real run first, so the client's lazily loaded modules are in before the clock is faked.
    await runBatch(slowPulls(0).spark, 'f/s', numbers(1), { minPollInterval: 0 }).drain();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const fake = slowPulls(60);
    const run = runBatch<{ x: number }, { y: number }>(fake.spark, 'f/s', numbers(3), { chunkSize: 1, maxChunksInFlight: 3, minPollInterval: 100, maxPollInterval: 10_000 });
    let finished = false;
    const indexes: number[] = [];
    const reading = (async () => {
      for await (const results of run.chunks()) for (const r of results) indexes.push(r.index);
    })().finally(() => (finished = true));
    // Real I/O-free: only the fake clock moves time; a real macrotask lets body streams settle.
    for (let i = 0; i < 200 && !finished; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(5);
    }
    await reading;
    expect(indexes.sort()).toEqual([0, 1, 2]);
    // Each pull takes 60 ms and ends its round: the next one goes out 100 ms after it started
    // (not 60 + 100 ms after), so results waiting on Spark are not left there for the pull's time too.
    const first = fake.pullsAt[0] as number;
    expect(fake.pullsAt.slice(0, 3).map((t) => t - first)).toEqual([0, 100, 200]);
    expect((await run.summary).recordsOut).toBe(3);
  });
});
