import { createClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/index.js';
import { numbers } from './helpers.js';
import { runnerSuite } from './runner-suite.js';

const suite = runnerSuite();
// A Spark whose output buffer holds about one result: its one worker pauses while results wait,
// so the chunks queued behind them stay on Spark longer than `chunkTimeout`, unanswered.
const full = withEmulator({ batch: { workers: 1, recordLatencyMs: 0, outputBufferBytes: 1 } });
beforeAll(() => full.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 })));

describe('runBatch: results left on Spark by a slow consumer are not taken for lost', () => {
  it('a consumer slower than chunkTimeout: no chunk re-submitted, none failed, no duplicate', async () => {
    // No faults: every chunk's result is computed and waits in Spark's output buffer while the
    // consumer, slower than `chunkTimeout`, keeps the client-side buffer full.
    const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(500), {
      chunkSize: 50, maxBufferedResults: 100, maxChunksInFlight: 4, chunkTimeout: 150, maxRetries: 2,
    });
    let n = 0;
    for await (const _ of run) if (++n % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 150));
    const summary = await run.summary;
    expect(n).toBe(500);
    expect({ failed: summary.recordsFailed, retries: summary.retries, duplicates: summary.duplicatesDropped }).toEqual({ failed: 0, retries: 0, duplicates: 0 });
  });

  it('chunks queued on Spark behind a full output buffer are slow, not lost', async () => {
    using spark = createClient({ baseUrl: full.baseUrl, apiKey: full.apiKey, retryInterval: 0.01 });
    const run = runBatch<{ x: number }, { y: number }>(spark, 'batch/double', numbers(500), {
      chunkSize: 50, maxBufferedResults: 100, maxChunksInFlight: 4, chunkTimeout: 150, maxRetries: 2,
    });
    let n = 0;
    for await (const r of run) {
      expect(r.error).toBeUndefined();
      if (++n % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const summary = await run.summary;
    expect(n).toBe(500);
    expect({ failed: summary.recordsFailed, retries: summary.retries, duplicates: summary.duplicatesDropped }).toEqual({ failed: 0, retries: 0, duplicates: 0 });
  });
});
