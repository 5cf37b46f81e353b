import * as otel from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { resolveHooks, type SparkHookContext } from '../transport/hooks.js';
import { installAutoTracing } from './auto-tracing.js';

const ctx = (attempt = 0): SparkHookContext => ({ operation: 'services.execute', method: 'POST', url: 'https://h/t/api/v3/x', attempt, requestId: 'r', call: { attributes: {} } });

describe('installAutoTracing', () => {
  it('without @opentelemetry/api: loads nothing before the first call, then removes itself', async () => {
    const seen: string[] = [];
    const hooks = resolveHooks({ beforeRequest: [() => void seen.push('user')] });
    let loads = 0;
    installAutoTracing(hooks, () => {
      loads++;
      return Promise.reject(new Error("Cannot find package '@opentelemetry/api'"));
    });
    expect(loads).toBe(0);
    expect(hooks.beforeRequest).toHaveLength(2);
    // Both concurrent first calls wait for the same load; the user's hook still runs for both.
    await Promise.all([0, 1].map(async () => {
      for (const hook of hooks.beforeRequest) await hook(ctx(), {});
    }));
    expect(loads).toBe(1);
    expect(seen).toEqual(['user', 'user']);
    expect(hooks.beforeRequest).toHaveLength(1);
    expect([hooks.afterResponse, hooks.beforeRetry, hooks.afterCall, hooks.beforeError].map((h) => h.length)).toEqual([0, 0, 0, 0]);
  });

  it('with @opentelemetry/api: replaces itself by the tracing hooks, in place', async () => {
    const hooks = resolveHooks({});
    installAutoTracing(hooks, async () => otel);
    const gate = hooks.beforeRequest[0];
    await gate!(ctx(), {});
    expect(hooks.beforeRequest).toHaveLength(1);
    expect(hooks.beforeRequest[0]).not.toBe(gate);
    expect([hooks.afterResponse, hooks.beforeRetry, hooks.afterCall, hooks.beforeError].map((h) => h.length)).toEqual([1, 1, 1, 1]);
  });
});
