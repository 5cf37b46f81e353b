import { context, propagation, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.node.js';
import type { SparkClientOptions } from '../config/options.js';

const KEY = 'sk-very-secret-api-key-123';
const V3 = { status: 'Success', response_data: { outputs: { volume: 1 } }, response_meta: { version_id: 'vid-1', call_id: 'cid-1' }, error: null };

interface Sent { url: string; headers: Record<string, string> }
function stub(...replies: [number, unknown][]) {
  const sent: Sent[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ url: String(input), headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    const [status, body] = replies.shift() ?? [500, {}];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'retry-after': '0' } });
  };
  return { fetch, sent };
}

const exporter = new InMemorySpanExporter();
const client = (fetch: SparkClientOptions['fetch'], extra: Partial<SparkClientOptions> = {}) =>
  createClient({ baseUrl: 'https://excel.test.coherent.global/my-tenant', apiKey: KEY, fetch, retryInterval: 1, ...extra });
const execute = { operation: 'services.execute', method: 'POST', path: 'api/v3/folders/f/services/s/execute', json: { request_data: { inputs: { x: 1 } } }, attributes: { 'spark.service.uri': 'f/s', 'spark.record.count': 1 } } as const;
const spans = (): ReadableSpan[] => exporter.getFinishedSpans();

describe('OpenTelemetry tracing (on by default when @opentelemetry/api is installed)', () => {
  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
    exporter.reset();
  });

  it('one client span per call, child of the caller\'s span, with the call\'s facts and traceparent sent', async () => {
    const { fetch, sent } = stub([200, V3]);
    using spark = client(fetch);
    await trace.getTracer('app').startActiveSpan('checkout', async (parent) => {
      await spark.request(execute);
      parent.end();
    });
    const span = spans().find((s) => s.name === 'spark services.execute')!;
    const parent = spans().find((s) => s.name === 'checkout')!;
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span.attributes).toEqual({
      'http.request.method': 'POST',
      'url.full': 'https://excel.test.coherent.global/my-tenant/api/v3/folders/f/services/s/execute',
      'spark.operation': 'services.execute',
      'spark.service.uri': 'f/s',
      'spark.record.count': 1,
      'spark.request_id': sent[0]!.headers['x-request-id'],
      'http.request.resend_count': 0,
      'http.response.status_code': 200,
      'spark.version_id': 'vid-1',
      'spark.call_id': 'cid-1',
    });
    expect(sent[0]!.headers['traceparent']).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
  });

  it('one retry event per retry, the retry count, and the last attempt\'s request id', async () => {
    const { fetch, sent } = stub([503, {}], [429, {}], [200, V3]);
    using spark = client(fetch);
    await spark.request(execute);
    const [span] = spans();
    expect(span!.events.map((e) => [e.name, e.attributes?.['spark.retry.attempt'], e.attributes?.['spark.retry.reason']])).toEqual([
      ['retry', 1, 'HTTP 503'],
      ['retry', 2, 'HTTP 429'],
    ]);
    expect(span!.attributes['spark.retry_count']).toBe(2);
    expect(span!.attributes['http.request.resend_count']).toBe(2);
    expect(span!.attributes['spark.request_id']).toBe(sent[2]!.headers['x-request-id']);
    // Every attempt carries the same span as its parent.
    expect(new Set(sent.map((s) => s.headers['traceparent'])).size).toBe(1);
  });

  it('records an error with its type and ends the span', async () => {
    const { fetch } = stub([404, { status: 404, message: 'no such service' }]);
    using spark = client(fetch);
    await expect(spark.request(execute)).rejects.toThrow();
    const [span] = spans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes['error.type']).toBe('SparkNotFoundError');
    expect(span!.attributes['http.response.status_code']).toBe(404);
    expect(span!.events.map((e) => [e.name, e.attributes?.['exception.type']])).toEqual([['exception', 'SparkNotFoundError']]);
  });

  it('ends the span with the error when the credentials cannot be had (token endpoint refuses)', async () => {
    const { fetch } = stub([401, { error: 'invalid_client' }]);
    using spark = client(fetch, { apiKey: undefined, oauth: { clientId: 'id', clientSecret: 'shh-client-secret' } });
    await expect(spark.request(execute)).rejects.toThrow();
    const span = spans().find((s) => s.name === 'spark services.execute');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toMatch(/^Spark\w+Error$/);
    expect(JSON.stringify(spans().map((s) => [s.attributes, s.events]))).not.toContain('shh-client-secret');
  });

  it('ends the span with the error when the call is aborted while waiting to retry', async () => {
    // A 503 with no Retry-After: the client backs off for about retryInterval (60 s) and is aborted during that wait.
    const fetch = async (): Promise<Response> => new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } });
    using spark = client(fetch, { retryInterval: 60 });
    const controller = new AbortController();
    spark.hooks.beforeRetry.push(() => { setTimeout(() => controller.abort(), 5); });
    await expect(spark.request({ ...execute, signal: controller.signal })).rejects.toThrow();
    const [span] = spans();
    expect(span?.name).toBe('spark services.execute');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.events.map((e) => e.name)).toEqual(['retry', 'exception']);
  });

  it('never puts a credential in a span', async () => {
    const { fetch } = stub([401, { message: `bad key ${KEY}` }], [503, {}], [200, V3]);
    using spark = client(fetch);
    await expect(spark.request(execute)).rejects.toThrow();
    await spark.request(execute);
    using bearer = client(stub([200, V3]).fetch, { apiKey: undefined, token: KEY });
    await bearer.request(execute);
    expect(spans()).toHaveLength(3);
    const dump = JSON.stringify(spans().map((s) => [s.name, s.attributes, s.events, s.status]));
    expect(dump).not.toContain(KEY);
  });

  it('tracing: false turns it off: no span, no traceparent', async () => {
    const { fetch, sent } = stub([200, V3]);
    using spark = client(fetch, { tracing: false });
    await spark.request(execute);
    expect(spans()).toEqual([]);
    expect(sent[0]!.headers['traceparent']).toBeUndefined();
    expect(spark.hooks.beforeRequest).toHaveLength(0);
  });

  it('without a registered tracer provider: no span and nothing sent', async () => {
    trace.disable();
    const { fetch, sent } = stub([200, V3], [200, V3]);
    using spark = client(fetch);
    await spark.request(execute);
    await spark.request(execute);
    expect(sent.every((s) => s.headers['traceparent'] === undefined)).toBe(true);
    expect(spans()).toEqual([]);
  });
});
