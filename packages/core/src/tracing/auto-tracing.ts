import type { SparkHooks } from '../transport/hooks.js';
import type { DormantHook } from '../transport/send-call.js';
import type { OtelApiModule } from './otel-hooks.js';

type BeforeRequest = SparkHooks['beforeRequest'][number];

/** Where `@opentelemetry/api` 1.x keeps what an application registered (tracer provider, context manager, propagator, diag logger). */
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');

/**
 * Whether the application registered anything with OpenTelemetry. Until it does, every span
 * would be a no-op (no provider records, no context manager holds a parent, no propagator
 * injects), so loading the API (about 15–30 ms of a first call) would buy nothing.
 */
const otelRegistered = (): boolean => (globalThis as Record<symbol, unknown>)[OTEL_GLOBAL] !== undefined;

/**
 * Traces a client's calls with OpenTelemetry whenever `@opentelemetry/api` can be loaded (the
 * library convention: on when the application installed it and registered a tracer provider).
 * Nothing is loaded while the application has registered nothing with OpenTelemetry (each call
 * looks again, which costs one property read); the first call after it did loads the API and
 * the tracing hooks, then the loader hook replaces itself with them, or removes itself when
 * the API is absent, so a client without OpenTelemetry pays nothing from then on.
 *
 * @param hooks - the client's hooks (changed in place)
 * @param loadApi - imports `@opentelemetry/api` (rejects when it is not installed)
 * @example
 * installAutoTracing(client.hooks, () => import('@opentelemetry/api'));
 */
export function installAutoTracing(hooks: SparkHooks, loadApi: () => Promise<OtelApiModule>): void {
  let ready: Promise<BeforeRequest | undefined> | undefined;
  const load = async (): Promise<BeforeRequest | undefined> => {
    let api: OtelApiModule;
    try {
      api = await loadApi();
    } catch {
      return undefined; // not installed: no tracing
    }
    const { tracingHooks } = await import('./otel-hooks.js');
    const traced = tracingHooks(api);
    hooks.afterResponse.push(...traced.afterResponse);
    hooks.beforeRetry.push(...traced.beforeRetry);
    hooks.afterCall.push(...traced.afterCall);
    hooks.beforeError.push(...traced.beforeError);
    return traced.beforeRequest[0];
  };
  // Last in the list, so replacing or removing it never shifts a hook still to run for this call.
  // Dormant while nothing is registered: send() then skips it without making a hook context.
  const dormant = (): boolean => ready === undefined && !otelRegistered();
  const gate: DormantHook = Object.assign((...[context, headers]: Parameters<BeforeRequest>) => (dormant() ? undefined : traceWith(context, headers)), { dormant });
  const traceWith = async (...[context, headers]: Parameters<BeforeRequest>): Promise<void> => {
    ready ??= load().then((real) => {
      const at = hooks.beforeRequest.indexOf(gate);
      if (at >= 0) {
        if (real) hooks.beforeRequest[at] = real;
        else hooks.beforeRequest.splice(at, 1);
      }
      return real;
    });
    const real = await ready;
    await real?.(context, headers);
  };
  hooks.beforeRequest.push(gate);
}
