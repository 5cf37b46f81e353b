import * as otel from '@opentelemetry/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveHooks, type SparkHookContext } from '../transport/hooks.js';
import { installAutoTracing } from './auto-tracing.js';

const ctx = (attempt = 0): SparkHookContext => ({ operation: 'services.execute', method: 'POST', url: 'https://h/t/api/v3/x', attempt, requestId: 'r', call: { attributes: {} } });

// Where @opentelemetry/api 1.x keeps what an application registered with it.
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');
const globals = globalThis as Record<symbol, unknown>;

describe('installAutoTracing', () => {
  let saved: unknown;
  beforeEach(() => {
    saved = globals[OTEL_GLOBAL];
    // As after the application registered a tracer provider.
    globals[OTEL_GLOBAL] = { version: '1.9.0' };
  });
  afterEach(() => {
    if (saved === undefined) delete globals[OTEL_GLOBAL];
    else globals[OTEL_GLOBAL] = saved;
  });

  it('nothing registered with OpenTelemetry: calls load nothing, and the first call after a registration loads it', async () => {
    delete globals[OTEL_GLOBAL];
    const hooks = resolveHooks({});
    let loads = 0;
    installAutoTracing(hooks, async () => {
      loads++;
      return otel;
    });
    const gate = hooks.beforeRequest[0]!;
    // Answered without a promise: send() has nothing to wait for.
    expect(gate(ctx(), {})).toBeUndefined();
    expect(gate(ctx(), {})).toBeUndefined();
    expect(loads).toBe(0);
    expect(hooks.beforeRequest).toEqual([gate]);
    expect([hooks.afterResponse, hooks.beforeRetry, hooks.afterCall, hooks.beforeError].map((h) => h.length)).toEqual([0, 0, 0, 0]);
    globals[OTEL_GLOBAL] = { version: '1.9.0' };
    await gate(ctx(), {});
    expect(loads).toBe(1);
    expect(hooks.beforeRequest).toHaveLength(1);
    expect(hooks.beforeRequest[0]).not.toBe(gate);
    expect([hooks.afterResponse, hooks.beforeRetry, hooks.afterCall, hooks.beforeError].map((h) => h.length)).toEqual([1, 1, 1, 1]);
  });

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
