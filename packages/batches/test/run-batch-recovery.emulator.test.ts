import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@spark/core';
import { json } from '@spark/test-utils';
import { withEmulator } from '@spark/test-utils/emulator';
import { runBatch, type BatchRecordResult } from '../src/index.js';
import { numbers } from './helpers.js';

const emu = withEmulator({ batch: { workers: 2 } });

beforeAll(async () => {
  emu.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 }));
});

interface Mischief {
  /** Pull answers to lose after Spark drained them (results gone for good). */
  losePulls: number;
  /** Pull answers to deliver twice over (duplicate chunk results). */
  duplicatePulls: number;
  /** Push answers to lose after Spark accepted the chunk. */
  losePushes: number;
}

/** A fetch in front of the emulator that loses and duplicates answers the way a flaky network would. */
function flakyFetch(m: Mischief): typeof fetch {
  let replay: unknown[] = [];
  return async (input, init) => {
    const url = String(input);
    const response = await fetch(input, init);
    if (!response.ok) return response;
    if (url.includes('/chunks') && init?.method === 'POST' && m.losePushes > 0) {
      m.losePushes--;
      await response.arrayBuffer();
      throw new TypeError('fetch failed: socket hang up');
    }
    if (!url.includes('/chunkresults')) return response;
    const body = (await response.json()) as { data: unknown[]; status: unknown };
    if (body.data.length > 0 && m.losePulls > 0) {
      m.losePulls--;
      throw new TypeError('fetch failed: connection reset');
    }
    if (body.data.length > 0 && m.duplicatePulls > 0) {
      m.duplicatePulls--;
      const fresh = body.data;
      body.data = [...fresh, ...fresh, ...replay];
      replay = fresh;
    }
    return json(body);
  };
}

describe('runBatch recovery (emulator behind a flaky network)', () => {
  it('re-submits chunks whose results were lost, drops duplicates: every index exactly once', async () => {
    const mischief: Mischief = { losePulls: 3, duplicatePulls: 4, losePushes: 3 };
    const spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey, retryInterval: 0.01, fetch: flakyFetch(mischief) });
    try {
      const run = runBatch<{ x: number }, { y: number }>(spark, 'batch/double', numbers(1_500), { chunkSize: 50, maxChunksInFlight: 6, minPollInterval: 5 });
      const seen = new Uint8Array(1_500);
      let count = 0;
      for await (const r of run as AsyncIterable<BatchRecordResult<{ y: number }>>) {
        count++;
        seen[r.index]! += 1;
        expect(r.outputs?.y).toBe(r.index * 2);
      }
      expect(count).toBe(1_500);
      expect(seen.every((n) => n === 1)).toBe(true);
      expect(mischief).toEqual({ losePulls: 0, duplicatePulls: 0, losePushes: 0 });
      const summary = await run.summary;
      expect(summary.duplicatesDropped).toBeGreaterThan(0);
      expect(summary.retries).toBeGreaterThanOrEqual(3);
      // Lost chunks went out again under a new id.
      const resubmitted = emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chunks') && /-r\d+"/.test(r.body ?? ''));
      expect(resubmitted.length).toBeGreaterThanOrEqual(1);
    } finally {
      spark.close();
    }
  });
});
