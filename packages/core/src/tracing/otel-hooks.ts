import type * as OtelApi from '@opentelemetry/api';
import type { SparkHookCall, SparkHookContext, SparkHooks } from '../transport/hooks.js';
import { batchIdOf, callFacts, runFacts } from './span-facts.js';

/** The part of `@opentelemetry/api` the tracing hooks use. */
export type OtelApiModule = Pick<typeof OtelApi, 'trace' | 'context' | 'propagation' | 'SpanKind' | 'SpanStatusCode'>;

interface Traced {
  span: OtelApi.Span;
  retries: number;
  /** The batch pipeline span this call belongs to, when it ends with the call (`batches.dispose`). */
  run?: string | undefined;
}

const SCOPE = '@spark/core';
const BATCH_CREATE = 'batches.create';

/**
 * SDK hooks that trace every call with OpenTelemetry: one client span per call named
 * `spark <operation>`, the W3C `traceparent` on every attempt, one `retry` event per retry,
 * errors recorded with their type. A batch pipeline gets a `spark batch` span from its creation
 * to its disposal, and every call on it (push, pull, status) is a child of that span.
 * When no tracer provider is registered, spans are not recording and nothing is kept.
 *
 * @param api - the `@opentelemetry/api` module
 * @returns hooks to pass as (or merge into) the client's `hooks`
 * @example
 * import * as otel from '@opentelemetry/api';
 * import { tracingHooks } from '@spark/core/tracing';
 * const spark = createClient({ baseUrl, apiKey, tracing: false, hooks: tracingHooks(otel) });
 */
export function tracingHooks(api: OtelApiModule): Pick<SparkHooks, 'beforeRequest' | 'afterResponse' | 'beforeRetry' | 'afterCall' | 'beforeError'> {
  const tracer = api.trace.getTracer(SCOPE);
  const calls = new WeakMap<SparkHookCall, Traced>();
  const runs = new Map<string, OtelApi.Span>();
  // A pipeline's span, from its `batches.create` call until that call tells its batch id.
  const pendingRuns = new WeakMap<SparkHookCall, OtelApi.Span>();

  const start = (ctx: SparkHookContext): Traced | undefined => {
    const batchId = batchIdOf(ctx.url);
    const runSpan = batchId === undefined ? undefined : runs.get(batchId);
    let parent = runSpan ? api.trace.setSpan(api.context.active(), runSpan) : api.context.active();
    let run: OtelApi.Span | undefined;
    if (ctx.operation === BATCH_CREATE) {
      run = tracer.startSpan('spark batch', { kind: api.SpanKind.INTERNAL }, parent);
      if (!run.isRecording()) return undefined;
      parent = api.trace.setSpan(parent, run);
    }
    const span = tracer.startSpan(`spark ${ctx.operation}`, { kind: api.SpanKind.CLIENT, attributes: callFacts(ctx) }, parent);
    if (!span.isRecording()) return undefined;
    const traced: Traced = { span, retries: 0, run: ctx.operation === 'batches.dispose' ? batchId : undefined };
    if (run) pendingRuns.set(ctx.call, run);
    calls.set(ctx.call, traced);
    return traced;
  };

  const endRun = (traced: Traced, error?: Error): void => {
    if (traced.run === undefined) return;
    const run = runs.get(traced.run);
    runs.delete(traced.run);
    if (run && error) run.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
    run?.end();
  };

  return {
    beforeRequest: [
      (ctx, headers) => {
        const traced = ctx.attempt === 0 ? start(ctx) : calls.get(ctx.call);
        if (!traced) return;
        traced.span.setAttributes({ 'spark.request_id': ctx.requestId, 'http.request.resend_count': ctx.attempt });
        api.propagation.inject(api.trace.setSpan(api.context.active(), traced.span), headers);
      },
    ],
    afterResponse: [
      (ctx, response) => {
        calls.get(ctx.call)?.span.setAttribute('http.response.status_code', response.status);
      },
    ],
    beforeRetry: [
      (ctx, retry) => {
        const traced = calls.get(ctx.call);
        if (!traced) return;
        traced.retries++;
        traced.span.setAttribute('spark.retry_count', traced.retries);
        traced.span.addEvent('retry', { 'spark.retry.attempt': ctx.attempt + 1, 'spark.retry.reason': retry.reason, 'spark.retry.delay_ms': retry.delayMs });
      },
    ],
    afterCall: [
      (ctx, response) => {
        const traced = calls.get(ctx.call);
        if (!traced) return;
        traced.span.setAttributes(runFacts(response.data));
        traced.span.end();
        calls.delete(ctx.call);
        const run = pendingRuns.get(ctx.call);
        const batchId = ctx.operation === BATCH_CREATE ? (response.data as { id?: unknown } | null)?.id : undefined;
        if (run && typeof batchId === 'string') {
          run.setAttribute('spark.batch.id', batchId);
          runs.set(batchId, run);
        } else {
          run?.end();
        }
        endRun(traced);
      },
    ],
    beforeError: [
      (ctx, error) => {
        const traced = calls.get(ctx.call);
        if (!traced) return;
        const type = error.name || error.constructor?.name || 'Error';
        traced.span.setAttribute('error.type', type);
        traced.span.recordException({ name: type, message: error.message });
        traced.span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
        traced.span.end();
        calls.delete(ctx.call);
        const run = pendingRuns.get(ctx.call);
        if (run) {
          run.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
          run.end();
        }
        endRun(traced, error);
      },
    ],
  };
}
