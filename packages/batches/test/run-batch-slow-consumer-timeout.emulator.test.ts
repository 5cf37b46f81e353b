import { describe, expect, it } from 'vitest';
import { runBatch } from '../src/index.js';
import { numbers } from './helpers.js';
import { runnerSuite } from './runner-suite.js';

const suite = runnerSuite();

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
});
