import { AsyncLocalStorage } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClient, isSparkError, SparkApiError } from '@spark/core';
import type { FaultRule } from '@spark/emulator';
import { executeService } from '@spark/services';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawnEmulator, type RemoteEmulator } from '../src/emulator-process.js';

const TOTAL = Number(process.env.CHAOS_CALLS ?? 10_000);
const WARMUP = Math.min(2_000, Math.floor(TOTAL / 5));
const CONCURRENCY = 32;
const TIMEOUT_MS = 300;
const MAX_RETRIES = 2;
const RETRY_INTERVAL_S = 0.02; // backoff: 10–20 ms, then 20–40 ms
const RETRY_AFTER_S = 0.05;
/** timeout × attempts + the longest waits between them + scheduling slack on a busy 2-core box. */
const DEADLINE_MS = TIMEOUT_MS * (MAX_RETRIES + 1) + MAX_RETRIES * Math.max(RETRY_AFTER_S * 1000, RETRY_INTERVAL_S * 1000 * 2 ** (MAX_RETRIES - 1)) + 1_500;

const EXECUTE = 'services/echo/execute';
/** Applied in order to every attempt (retries included); the first rule winning its roll applies. */
const FAULTS: FaultRule[] = [
  { match: EXECUTE, status: 429, retryAfter: RETRY_AFTER_S, rate: 0.06, seed: 11 },
  { match: EXECUTE, status: 503, rate: 0.04, seed: 12 },
  { match: EXECUTE, status: 408, rate: 0.02, seed: 13 },
  { match: EXECUTE, status: 502, rate: 0.02, seed: 14 },
  { match: EXECUTE, status: 504, rate: 0.02, seed: 15 },
  { match: EXECUTE, reset: 'before-body', rate: 0.02, seed: 16 },
  { match: EXECUTE, reset: 'after-body', rate: 0.02, seed: 17 },
  { match: EXECUTE, latencyMs: TIMEOUT_MS + 150, rate: 0.01, seed: 18 },
];
/** Error names a call may end with once its budget is spent; POST is not idempotent, so 502/504/resets/timeouts are final at once. */
const EXPECTED_ERRORS = new Set(['SparkRateLimitError', 'SparkServiceUnavailableError', 'SparkApiError:408', 'SparkBadGatewayError', 'SparkGatewayTimeoutError', 'SparkConnectionError', 'SparkTimeoutError']);
const RETRYABLE_FOR_POST = /^HTTP (408|429|503)$/;

let emu: RemoteEmulator;
beforeAll(async () => { emu = await spawnEmulator({ faults: FAULTS }); });
afterAll(async () => { await emu?.close(); });

function collectGarbage(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

test(`chaos: ${TOTAL} executes through one client under injected faults`, async () => {
  const gc = collectGarbage();
  const perCall = new AsyncLocalStorage<{ retries: number }>();
  const retryReasons = new Map<string, number>();
  let retries = 0;
  const spark = createClient({
    baseUrl: emu.baseUrl, apiKey: 'test-api-key', timeout: TIMEOUT_MS, maxRetries: MAX_RETRIES, retryInterval: RETRY_INTERVAL_S,
    hooks: {
      beforeRetry: [(_context, retry) => {
        retries++;
        perCall.getStore()!.retries++;
        retryReasons.set(retry.reason, (retryReasons.get(retry.reason) ?? 0) + 1);
      }],
    },
  });
  const durations = new Float64Array(TOTAL);
  const outcomes = new Map<string, number>();
  const problems: string[] = [];
  let succeeded = 0;
  let succeededAfterRetry = 0;
  const bump = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

  const one = async (i: number): Promise<void> => {
    const x = i * 7 + 1;
    const id = `call-${i}`;
    const state = { retries: 0 };
    const started = performance.now();
    let guard: NodeJS.Timeout | undefined;
    const deadline = new Promise<'hung'>((resolve) => { guard = setTimeout(() => resolve('hung'), DEADLINE_MS); });
    const call = perCall.run(state, () => executeService<{ id: string; x: number }, { id: string; y: number }>(spark, 'chaos/echo', { inputs: { id, x } }));
    try {
      const result = await Promise.race([call, deadline]);
      if (result === 'hung') {
        problems.push(`${id} did not end within ${DEADLINE_MS} ms`);
        return;
      }
      const output = result.outputs[0];
      if (output?.id !== id || output.y !== x * 3) problems.push(`${id} got ${JSON.stringify(output)} (expected y=${x * 3})`);
      succeeded++;
      if (state.retries > 0) succeededAfterRetry++;
    } catch (error) {
      const name = !isSparkError(error) ? `foreign ${String(error)}` : error.name === 'SparkApiError' ? `SparkApiError:${(error as SparkApiError).status}` : error.name;
      bump(name);
      if (!EXPECTED_ERRORS.has(name)) problems.push(`${id} failed with unexpected ${name}: ${(error as Error).message}`);
      // A retryable status is only final once the whole budget is spent.
      if (/RateLimit|ServiceUnavailable|:408/.test(name) && state.retries !== MAX_RETRIES) problems.push(`${id}: ${name} after ${state.retries} retries`);
    } finally {
      clearTimeout(guard);
      durations[i] = performance.now() - started;
    }
  };

  const runRange = async (from: number, to: number): Promise<void> => {
    let next = from;
    const worker = async () => { while (next < to) await one(next++); };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  const t0 = performance.now();
  await runRange(0, WARMUP);
  const heapBefore = heapAfterGc(gc);
  await runRange(WARMUP, TOTAL);
  const heapAfter = heapAfterGc(gc);
  const elapsed = performance.now() - t0;
  spark.close();

  const sorted = Array.from(durations).sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const stats = await emu.stats();
  let open = stats.openConnections;
  for (let i = 0; i < 50 && open > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    open = (await emu.stats()).openConnections;
  }
  const failed = [...outcomes.values()].reduce((a, b) => a + b, 0);
  const report = {
    calls: TOTAL, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_MS, maxRetries: MAX_RETRIES, elapsedMs: Math.round(elapsed),
    succeeded, succeededAfterRetry, retries, failed, failedByType: Object.fromEntries([...outcomes].sort()),
    retryReasons: Object.fromEntries([...retryReasons].sort()),
    p50Ms: +p(0.5).toFixed(1), p99Ms: +p(0.99).toFixed(1), maxMs: +sorted.at(-1)!.toFixed(1), deadlineMs: DEADLINE_MS,
    heapAfterWarmupMB: +(heapBefore / 2 ** 20).toFixed(2), heapAtEndMB: +(heapAfter / 2 ** 20).toFixed(2),
    heapGrowthMB: +((heapAfter - heapBefore) / 2 ** 20).toFixed(2),
    serverRequests: stats.requests, socketsLeftOpen: open,
  };
  console.log(`[chaos] ${JSON.stringify(report, null, 2)}`);

  expect(problems.slice(0, 10)).toEqual([]);
  expect(succeeded + failed).toBe(TOTAL);
  // No hidden replays of a POST: the emulator saw at most one request per attempt. It may see
  // fewer: an attempt that timed out (or was reset) under load can die before it is parsed.
  const lost = (outcomes.get('SparkTimeoutError') ?? 0) + (outcomes.get('SparkConnectionError') ?? 0);
  expect(stats.requests).toBeLessThanOrEqual(TOTAL + retries);
  expect(stats.requests).toBeGreaterThanOrEqual(TOTAL + retries - lost);
  for (const reason of retryReasons.keys()) expect(reason).toMatch(RETRYABLE_FOR_POST);
  // Final at once for a POST: each shows up hundreds of times.
  for (const name of ['SparkBadGatewayError', 'SparkGatewayTimeoutError', 'SparkConnectionError', 'SparkTimeoutError']) {
    expect(outcomes.get(name) ?? 0, `no call ended with ${name}`).toBeGreaterThan(0);
  }
  // Retryable: each is retried hundreds of times; a call ends with one only when all its
  // attempts failed (a few per run, so only their sum is required to be non-zero).
  for (const reason of ['HTTP 408', 'HTTP 429', 'HTTP 503']) expect(retryReasons.get(reason) ?? 0, `never retried ${reason}`).toBeGreaterThan(0);
  expect((outcomes.get('SparkRateLimitError') ?? 0) + (outcomes.get('SparkServiceUnavailableError') ?? 0) + (outcomes.get('SparkApiError:408') ?? 0)).toBeGreaterThan(0);
  expect(succeededAfterRetry).toBeGreaterThan(0);
  expect(report.maxMs).toBeLessThan(DEADLINE_MS);
  expect(heapAfter - heapBefore).toBeLessThan(10 * 2 ** 20);
  expect(open).toBe(0);
});
