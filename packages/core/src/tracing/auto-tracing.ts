import type { SparkHooks } from '../transport/hooks.js';
import type { OtelApiModule } from './otel-hooks.js';

type BeforeRequest = SparkHooks['beforeRequest'][number];

/**
 * Traces a client's calls with OpenTelemetry whenever `@opentelemetry/api` can be loaded (the
 * library convention: on when the application installed it and registered a tracer provider).
 * Until the first call nothing is loaded; that call loads the API and the tracing hooks, then
 * the loader hook replaces itself with them, or removes itself when the API is absent, so a
 * client without OpenTelemetry pays nothing from its second call on.
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
  const gate: BeforeRequest = async (context, headers) => {
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
