import { eventually } from '@spark/test-utils';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../src/index.js';
import { batchIdOf, runnerSuite } from './runner-suite.js';

const suite = runnerSuite();
const { emu } = suite;

describe('an abort while Spark creates the pipeline', () => {
  it('ends the run at once, and cancels the pipeline Spark made once its answer arrives', async () => {
    // Spark makes the pipeline, then its answer is slow to come back.
    emu.faults.add({ match: /^POST \/[^/]+\/api\/v4\/batch$/, answerDelayMs: 400 });
    try {
      const controller = new AbortController();
      const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', [{ x: 1 }, { x: 2 }], { signal: controller.signal });
      const consumed = (async () => {
        for await (const _ of run) { /* nothing comes */ }
      })().catch((error: unknown) => error);
      await eventually(() => emu.requests.some((r) => r.method === 'POST' && /\/api\/v4\/batch$/.test(r.path)));
      const created = emu.requests.length;
      controller.abort();
      expect(await consumed).toMatchObject({ name: 'AbortError' });
      // The run ended on the abort, before Spark's held answer: nothing has been cancelled yet.
      expect(emu.requests.slice(created).some((r) => r.method === 'PATCH')).toBe(false);
      // The answer (and with it the pipeline's id) arrives after the abort: the pipeline is cancelled then.
      await eventually(() => emu.requests.slice(created).some((r) => r.method === 'PATCH'));
      const patch = emu.requests.slice(created).find((r) => r.method === 'PATCH')!;
      expect(JSON.parse(patch.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
      const status = await fetch(`${emu.baseUrl}/api/v4/batch/status`, { headers: { 'x-synthetic-key': emu.apiKey } }).then((r) => r.json() as Promise<{ in_progress_batches: { id: string }[] }>);
      expect(status.in_progress_batches.map((b) => b.id)).not.toContain(batchIdOf(patch.path));
    } finally {
      emu.faults.clear();
    }
  });
});
