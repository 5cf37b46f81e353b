import { within } from '@spark/test-utils';
import { describe, expect, it } from 'vitest';
import { runBatch, runBatchSync } from '../src/index.js';
import { last } from './helpers.js';
import { batchIdOf, runnerSuite } from './runner-suite.js';

const suite = runnerSuite();
const { emu } = suite;

/**
 * An input that yields `first` records, then stalls (a network stream gone quiet). `released`
 * resolves once the runner lets go of it, `settle()` ends the stall when the test is over.
 */
function stallingInput(first: number) {
  let settle!: () => void;
  const stalled = new Promise<void>((resolve) => (settle = resolve));
  async function* records(): AsyncGenerator<{ x: number }> {
    for (let x = 0; x < first; x++) yield { x };
    await stalled;
  }
  return { records: records(), settle };
}


describe('a stalled input does not hold a run past its stop', () => {
  it.each(['abort', 'break'] as const)('runBatch: %s while the input is stalled ends the run and cancels the pipeline', async (how) => {
    const input = stallingInput(100);
    const controller = new AbortController();
    const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', input.records, { chunkSize: 50, signal: controller.signal });
    try {
      const consume = async (): Promise<number> => {
        let n = 0;
        for await (const _ of run) {
          if (++n < 100) continue;
          // Every record read so far came back: the runner now waits on the input.
          if (how === 'break') break;
          controller.abort();
        }
        return n;
      };
      const outcome = await within(consume().catch((error: unknown) => error), 5_000);
      expect(outcome).not.toBe('hung');
      if (how === 'abort') expect(outcome).toMatchObject({ name: 'AbortError' });
      expect(await within(run.summary.catch((error: unknown) => error), 5_000)).not.toBe('hung');
      const patch = last(emu.requests, (r) => r.method === 'PATCH' && batchIdOf(r.path) === run.progress.batchId);
      expect(JSON.parse(patch?.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
    } finally {
      input.settle();
    }
  });

  it('runBatchSync: abort while the input is stalled ends the run', async () => {
    const input = stallingInput(100);
    const controller = new AbortController();
    const run = runBatchSync<{ x: number }, { y: number }>(suite.spark, 'batch/double', input.records, { chunkSize: 50, signal: controller.signal });
    try {
      const consume = async (): Promise<void> => {
        let n = 0;
        for await (const _ of run) if (++n === 100) controller.abort();
      };
      expect(await within(consume().catch((error: unknown) => error), 5_000)).toMatchObject({ name: 'AbortError' });
      expect(await within(run.summary.catch((error: unknown) => error), 5_000)).toMatchObject({ name: 'AbortError' });
    } finally {
      input.settle();
    }
  });
});

describe('runBatch closes its input on every way out', () => {
  /** An input with `records` records that then never answers, counting its `return()` calls. */
  function quietInput(records: number) {
    const input = { returned: 0, read: 0 } as { returned: number; read: number } & AsyncIterableIterator<{ x: number }>;
    input[Symbol.asyncIterator] = () => input;
    input.next = () => (input.read < records ? Promise.resolve({ done: false, value: { x: input.read++ } }) : new Promise(() => {}));
    input.return = () => {
      input.returned++;
      return Promise.resolve({ done: true, value: undefined });
    };
    return input;
  }

  it('an abort while the first chunk is still being read', async () => {
    const input = quietInput(10);
    const controller = new AbortController();
    const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', input, { chunkSize: 50, signal: controller.signal });
    const consumed = (async () => {
      for await (const _ of run) { /* nothing comes */ }
    })().catch((error: unknown) => error);
    while (input.read < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await within(consumed, 5_000)).toMatchObject({ name: 'AbortError' });
    expect(input.returned).toBe(1);
  });

  it('a pipeline Spark refuses to create (401)', async () => {
    emu.faults.add({ match: /^POST \/[^/]+\/api\/v4\/batch$/, status: 401 });
    try {
      const input = quietInput(60);
      const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', input, { chunkSize: 50 });
      const outcome = await within(run.drain().catch((error: unknown) => error), 5_000);
      expect(outcome).toMatchObject({ status: 401 });
      expect(input.returned).toBe(1);
    } finally {
      emu.faults.clear();
    }
  });
});
