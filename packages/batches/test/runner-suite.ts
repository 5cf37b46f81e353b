import { afterAll, beforeAll, expect } from 'vitest';
import { createClient, type SparkClient } from '@spark/core';
import { withEmulator, type EmulatorFixture } from '@spark/test-utils/emulator';
import { numbers } from './helpers.js';
import { runBatch, type BatchProgress, type BatchRecordResult, type BatchRun, type BatchRunSummary } from '../src/index.js';

/** One runner suite's emulator and client. */
export interface RunnerSuite {
  /** The emulator: 4 workers a batch, 0.05 ms of simulated compute per record. */
  emu: EmulatorFixture;
  /** A client of it with 10 ms retry backoff (set in beforeAll). */
  spark: SparkClient;
}

/**
 * Starts the emulator of the runner suites with their two models, `batch/double` (y = 2x) and
 * `batch/picky` (fails for x % 7 === 3), and a client of it; closes the client afterwards.
 */
export function runnerSuite(): RunnerSuite {
  const suite = { emu: withEmulator({ batch: { workers: 4, recordLatencyMs: 0.05 } }) } as RunnerSuite;
  beforeAll(() => {
    suite.emu.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 }));
    suite.emu.addModel('batch/picky', (i) => {
      if ((i['x'] as number) % 7 === 3) throw new Error(`x=${String(i['x'])} is unlucky`);
      return { y: (i['x'] as number) * 2 };
    });
    suite.spark = createClient({ baseUrl: suite.emu.baseUrl, apiKey: suite.emu.apiKey, retryInterval: 0.01 });
  });
  afterAll(() => suite.spark?.close());
  return suite;
}

/** Asserts every index 0…n-1 appears exactly once, without error, with y = 2x. */
export function expectExactlyOnce(results: BatchRecordResult<{ y: number }>[], n: number): void {
  const seen = new Uint8Array(n);
  for (const r of results) {
    expect(r.index).toBeGreaterThanOrEqual(0);
    expect(r.index).toBeLessThan(n);
    seen[r.index]! += 1;
    expect(r.error).toBeUndefined();
    expect(r.outputs?.y).toBe(r.index * 2);
  }
  expect(results).toHaveLength(n);
  expect(seen.every((count) => count === 1)).toBe(true);
}

/** The batch id in a `/api/v4/batch/<id>/…` path. */
export const batchIdOf = (path: string): string | undefined => /\/api\/v4\/batch\/([^/?]+)/.exec(path)?.[1];

/** The bounds a slow consumer's run keeps, whichever way it reads (the options it ran with). */
export interface SlowConsumerBounds {
  maxBufferedResults: number;
  chunkSize: number;
  maxChunksInFlight: number;
}

/** The bounds of the slow-consumer runs: a 300-result buffer, chunks of 50, 4 in flight. */
export const SLOW: SlowConsumerBounds = { maxBufferedResults: 300, chunkSize: 50, maxChunksInFlight: 4 };

/** A run of 2,000 records under {@link SLOW}'s bounds, and the progress events it reports. */
export function slowRun(suite: RunnerSuite): { run: BatchRun<{ y: number }>; events: BatchProgress[] } {
  const events: BatchProgress[] = [];
  const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(2_000), { ...SLOW, onProgress: (p) => events.push(p) });
  return { run, events };
}

/**
 * Asserts a run read by a slow consumer kept its bounds: the peak buffered results (summary and
 * every progress event) within `maxBufferedResults`, and the input read ahead of the consumer
 * (`worstLead`) at most the buffer plus the chunks in flight and one being read.
 */
export function expectBounded(summary: BatchRunSummary, events: BatchProgress[], worstLead: number, bounds: SlowConsumerBounds): void {
  const { maxBufferedResults, chunkSize, maxChunksInFlight } = bounds;
  expect(summary.peakBufferedResults).toBeLessThanOrEqual(maxBufferedResults);
  expect(Math.max(...events.map((e) => e.bufferedResults))).toBeLessThanOrEqual(maxBufferedResults);
  expect(worstLead).toBeLessThanOrEqual(maxBufferedResults + (maxChunksInFlight + 1) * chunkSize);
}
