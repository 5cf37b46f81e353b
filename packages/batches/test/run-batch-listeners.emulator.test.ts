import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SparkClient, type SparkCore } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { runBatch } from '../src/index.js';
import { numbers } from './helpers.js';

const emu = withEmulator({ batch: { workers: 4, recordLatencyMs: 0.05 } });
let spark: SparkClient;

beforeAll(() => {
  emu.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 }));
  spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey, retryInterval: 0.01 });
});

afterAll(() => {
  spark?.close();
});

/** The client, recording every signal the runner hands to a request. */
function recording(client: SparkClient, signals: Set<AbortSignal>): SparkCore {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key !== 'request' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (request: { signal?: AbortSignal }) => {
        if (request.signal) signals.add(request.signal);
        return (value as (r: unknown) => unknown).call(target, request);
      };
    },
  }) as SparkCore;
}

describe('runBatch abort listeners (emulator, 503s)', () => {
  it('32 chunks in flight through 503s: no MaxListenersExceededWarning, and no abort listener left on the run signal', async () => {
    emu.faults.add({ match: /^POST .*\/chunks$/, status: 503, rate: 0.4, seed: 3 });
    emu.faults.add({ match: /^GET .*\/chunkresults$/, status: 503, rate: 0.3, seed: 4 });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    const signals = new Set<AbortSignal>();
    const caller = new AbortController();
    let peak = 0;
    const client = recording(spark, signals);
    try {
      const run = runBatch<{ x: number }, { y: number }>(client, 'batch/double', numbers(3_200), {
        chunkSize: 50, maxChunksInFlight: 32, pushConcurrency: 32, maxRetries: 20, retryDelay: 1, signal: caller.signal,
        onProgress: () => {
          for (const signal of signals) peak = Math.max(peak, getEventListeners(signal, 'abort').length);
        },
      });
      let count = 0;
      for await (const result of run) {
        expect(result.outputs?.y).toBe(result.index * 2);
        count++;
      }
      expect(count).toBe(3_200);
      expect((await run.summary).retries).toBeGreaterThan(0);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual([]);
      expect(signals.size).toBeGreaterThan(0);
      // One listener shared by every request and retry sleep, plus one per waiting runner loop
      // (producer, poller): not one per chunk in flight.
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(4);
      for (const signal of signals) expect(getEventListeners(signal, 'abort')).toHaveLength(0);
      expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
      emu.faults.clear();
    }
  });
});
