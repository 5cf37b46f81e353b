import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { rejection, startServer, type TestServer } from './server.js';

const SIG = 'SECRETSIG-7f3a9c0d1e';
const QUERY = `?X-Amz-Signature=${SIG}&X-Amz-Credential=AKIACRED%2F20261207`;

// The spans of a call to a presigned URL: url.full, the exception and the status hold no signature or password.
describe('tracing spans of an off-origin call', () => {
  let spark: TestServer;
  let bucket: TestServer;
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    [spark, bucket] = await Promise.all([startServer(), startServer((_req, res) => { res.writeHead(500).end('down'); })]);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(async () => {
    trace.disable();
    context.disable();
    await Promise.all([spark.close(), bucket.close()]);
  });

  test('url.full, the exception event and the status message show "?…" and no userinfo', async () => {
    using c = createClient({ baseUrl: spark.baseUrl, apiKey: 'k', maxRetries: 0 });
    const url = `http://user:PASSWORD-123@${bucket.origin.slice('http://'.length)}/file.bin${QUERY}`;
    await rejection(c.request({ operation: 'test.presigned', method: 'GET', url, auth: false }));
    const span = exporter.getFinishedSpans().find((s) => s.name === 'spark test.presigned')!;
    expect(span.attributes['url.full']).toBe(`${bucket.origin}/file.bin`);
    expect(span.status.message).toContain(`${bucket.origin}/file.bin?…`);
    const shown = JSON.stringify({ attributes: span.attributes, events: span.events, status: span.status });
    for (const leak of [SIG, 'AKIACRED', 'PASSWORD-123']) expect(shown).not.toContain(leak);
    expect(bucket.requests[0]!.url).toBe(`/file.bin${QUERY}`);
  });
});
