import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { json, rejection, startServer, type TestServer } from '../../test/server.js';
import { TRANSPORTS } from '../../test/transports.js';
import { createClient } from '../client/create-client.node.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { SparkTimeoutError } from '../errors/timeout-error.js';
import { pollJob, type PollVerdict } from './poll.js';

const client = () => createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k' });

describe('pollJob', () => {
  test('polls until done and returns the result', async () => {
    using spark = client();
    const signals: Array<AbortSignal | undefined> = [];
    const controller = new AbortController();
    let n = 0;
    const result = await pollJob(spark, 'test.job', { pollInterval: 1, signal: controller.signal }, async (signal) => {
      signals.push(signal);
      return ++n === 3 ? { done: true, result: { id: 'job-1', n } } : { done: false };
    });
    expect(result).toEqual({ id: 'job-1', n: 3 });
    // One signal for every check: the caller's, joined with the job's deadline.
    expect(new Set(signals).size).toBe(1);
    expect(signals[0]!.aborted).toBe(false);
    controller.abort(new Error('later'));
    expect(signals[0]!.aborted).toBe(false); // the job is over: its signal no longer follows the caller's
  });

  test('gives up with SparkTimeoutError after the deadline', async () => {
    using spark = client();
    let checks = 0;
    const error = await rejection(pollJob(spark, 'test.job', { pollInterval: 5, timeout: 300 }, async () => { checks++; return { done: false }; }));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.timeout).toBe(300);
    expect(error.message).toBe(`test.job did not finish within 300 ms (${checks} status checks)`);
    expect(checks).toBeGreaterThan(1);
  });

  test('the caller\'s signal stops the wait with its reason', async () => {
    using spark = client();
    const controller = new AbortController();
    const reason = new Error('stop polling');
    const check = vi.fn(async (): Promise<PollVerdict<never>> => ({ done: false }));
    const pending = pollJob(spark, 'test.job', { pollInterval: 60_000, signal: controller.signal }, check);
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    expect(check).toHaveBeenCalledTimes(1);
  });

  test('closing the client stops the wait with SparkClosedError', async () => {
    const spark = client();
    const check = vi.fn(async (): Promise<PollVerdict<never>> => ({ done: false }));
    const pending = pollJob(spark, 'test.job', { pollInterval: 60_000 }, check);
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    spark.close();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(SparkClosedError);
    expect(error.message).toBe('Spark client is already closed');
    expect(await rejection(pollJob(spark, 'test.job', {}, check))).toBeInstanceOf(SparkClosedError);
    expect(check).toHaveBeenCalledTimes(1);
  });

  test.each([{ pollInterval: -1 }, { timeout: 0 }, { pollInterval: Number.NaN }])('rejects %j', async (options) => {
    using spark = client();
    const error = await rejection(pollJob(spark, 'test.job', options, async () => ({ done: true, result: 1 })));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('test.job: pollInterval must be >= 0 and timeout > 0 (ms)');
  });
});

// The job's `timeout` is its overall deadline: a status check that hangs, or that Spark asks to
// wait (`Retry-After`) past it, must not hold the job beyond it (issue: it waited the request's own
// 60 s timeout, or the whole Retry-After).
describe.each(TRANSPORTS)('pollJob deadline over a hostile status endpoint (%s)', (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url.endsWith('/hang')) return; // answers nothing, ever
      json(res, 503, { message: 'busy' }, { 'retry-after': '5' });
    });
  });
  afterAll(() => server.close());

  test.each(['hang', 'busy'])('a status check that is %s ends at the job deadline with SparkTimeoutError', async (kind) => {
    using spark = createClient({ baseUrl: server.baseUrl, apiKey: 'k', timeout: 10_000, maxRetries: 1, ...transport });
    const started = Date.now();
    const error = await rejection(pollJob(spark, 'test.job', { timeout: 400, pollInterval: 10 }, async (signal) => {
      await spark.request({ operation: 'test.job', method: 'GET', path: `api/v4/export/j-1/${kind}`, signal });
      return { done: false };
    }));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error.message).toBe('test.job did not finish within 400 ms (1 status checks)');
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 20_000);
});
