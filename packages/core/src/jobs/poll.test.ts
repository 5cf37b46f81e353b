import { describe, expect, test, vi } from 'vitest';
import { rejection } from '../../test/server.js';
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
    expect(signals).toEqual([controller.signal, controller.signal, controller.signal]);
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
