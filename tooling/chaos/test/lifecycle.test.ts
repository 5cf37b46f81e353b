import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, SparkClosedError } from '@spark/core';
import { AsyncClient } from '@spark/sdk';
import { executeService } from '@spark/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnEmulator, type RemoteEmulator } from '../src/emulator-process.js';

const CALLS = 500;
const CHILD = fileURLToPath(new URL('../src/close-under-load.mjs', import.meta.url));

let slow: RemoteEmulator;
let medium: RemoteEmulator;
beforeAll(async () => { [slow, medium] = await Promise.all([spawnEmulator({ latencyMs: 3_000 }), spawnEmulator({ latencyMs: 300 })]); });
afterAll(async () => { await Promise.all([slow?.close(), medium?.close()]); });

async function openConnections(emu: RemoteEmulator, settleMs = 1_000): Promise<number> {
  const until = Date.now() + settleMs;
  let open = (await emu.stats()).openConnections;
  while (open > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    open = (await emu.stats()).openConnections;
  }
  return open;
}

/** Runs the child; resolves with its report, how long it took to exit after reporting, and its exit code. */
function runChild(kind: 'core' | 'sdk'): Promise<{ report: Record<string, unknown>; exitAfterReportMs: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, slow.baseUrl, kind], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
    let stdout = '';
    let stderr = '';
    let reportedAt = 0;
    const killer = setTimeout(() => { child.kill(); reject(new Error(`child (${kind}) did not exit on its own within 10 s; stdout: ${stdout}`)); }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk; if (stdout.includes('\n') && reportedAt === 0) reportedAt = Date.now(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk; });
    child.on('exit', (code) => {
      clearTimeout(killer);
      try {
        resolve({ report: JSON.parse(stdout), exitAfterReportMs: Date.now() - reportedAt, code, stderr });
      } catch (error) {
        reject(new Error(`child (${kind}) printed no report (code ${code}): ${stderr || stdout}`, { cause: error }));
      }
    });
  });
}

describe(`close() with ${CALLS} calls in flight`, () => {
  test.each(['core', 'sdk'] as const)('%s: every call rejects with SparkClosedError in < 1 s, sockets close, the process exits by itself', async (kind) => {
    const before = (await slow.stats()).connections;
    const { report, exitAfterReportMs, code, stderr } = await runChild(kind);
    console.log(`[lifecycle] ${kind}: ${JSON.stringify({ ...report, exitAfterReportMs })}`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report).toMatchObject({ calls: CALLS, closedErrors: CALLS, other: [], late: 'SparkClosedError', resources: {} });
    expect(report['closeMs']).toBeLessThan(1_000);
    expect(exitAfterReportMs).toBeLessThan(2_000);
    expect((await slow.stats()).connections - before).toBeGreaterThanOrEqual(CALLS / 2); // they really were on the wire
    expect(await openConnections(slow)).toBe(0);
  });
});

/**
 * close() resolved once the last request finished: core's drain resolves in the same job as
 * the last request, so a caller's own continuation (executeService adds two awaits) may run a
 * few microtasks later, but never a macrotask later, and never before the request ended.
 */
function expectDrained(closed: { at: number; settled: number }, settledAt: number[]): void {
  expect(closed.settled).toBeGreaterThanOrEqual(CALLS - 2);
  expect(settledAt).toHaveLength(CALLS);
  expect(Math.max(...settledAt) - closed.at).toBeLessThan(2);
}

describe(`graceful close with ${CALLS} calls in flight`, () => {
  test('AsyncClient.close() resolves only after all of them settled, all fulfilled; new calls are refused meanwhile', async () => {
    const client = new AsyncClient({ baseUrl: medium.baseUrl, apiKey: 'test-api-key', poolSize: CALLS });
    const settledAt: number[] = [];
    const calls = Array.from({ length: CALLS }, (_, i) => client.services.execute<{ id: string; x: number }, { id: string; y: number }>('chaos/echo', { inputs: { id: `g${i}`, x: i } })
      .finally(() => { settledAt.push(performance.now()); }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = client.close().then(() => ({ at: performance.now(), settled: settledAt.length }));
    await expect(client.services.execute('chaos/echo', { inputs: { id: 'late', x: 1 } })).rejects.toBeInstanceOf(SparkClosedError);
    const closed = await closing;
    await new Promise((resolve) => setImmediate(resolve));
    expectDrained(closed, settledAt);
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CALLS);
    results.forEach((r, i) => { if (r.status === 'fulfilled') expect(r.value.outputs[0]).toEqual({ id: `g${i}`, y: i * 3 }); });
    expect(await openConnections(medium)).toBe(0);
  });

  test('core closeGracefully() drains the same way', async () => {
    const spark = createClient({ baseUrl: medium.baseUrl, apiKey: 'test-api-key', poolSize: CALLS });
    const settledAt: number[] = [];
    const calls = Array.from({ length: CALLS }, (_, i) => executeService(spark, 'chaos/echo', { inputs: { id: `h${i}`, x: i } }).finally(() => { settledAt.push(performance.now()); }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = await spark.closeGracefully().then(() => ({ at: performance.now(), settled: settledAt.length }));
    await new Promise((resolve) => setImmediate(resolve));
    expectDrained(closed, settledAt);
    expect((await Promise.allSettled(calls)).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await openConnections(medium)).toBe(0);
  });
});
