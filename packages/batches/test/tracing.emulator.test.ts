import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, defineService, type SparkClient } from '@spark/core';
import { startEmulator, type Emulator } from '@spark/emulator';
import { runBatch } from '../src/index.js';

const exporter = new InMemorySpanExporter();
let emu: Emulator;
let spark: SparkClient;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  emu = await startEmulator({ port: 0 });
  emu.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 }));
  spark = createClient({ baseUrl: emu.baseUrl, apiKey: 'test-api-key' });
});
afterAll(async () => {
  spark?.close();
  await emu?.close();
  trace.disable();
  context.disable();
});

describe('a traced batch run', () => {
  it('has one span for the pipeline, parent of every call on it, with record counts per push', async () => {
    const double = defineService<{ x: number }, { y: number }>('batch/double');
    const records = Array.from({ length: 25 }, (_, x) => ({ x }));
    const run = runBatch(spark, double, records, { chunkSize: 10 });
    for await (const r of run) expect(r.outputs?.y).toBe(r.index * 2);
    await run.summary;

    const spans = exporter.getFinishedSpans();
    const batch = spans.filter((s) => s.name === 'spark batch');
    expect(batch).toHaveLength(1);
    const runSpan = batch[0]!;
    const children = spans.filter((s) => s.parentSpanContext?.spanId === runSpan.spanContext().spanId);
    const names = new Set(children.map((s) => s.name));
    expect(names).toContain('spark batches.create');
    expect(names).toContain('spark batches.push');
    expect(names).toContain('spark batches.pull');
    expect(names).toContain('spark batches.dispose');
    // Every push of the run is under the run's span, and together they carry every record
    // (a chunk pushed again after a lost answer counts twice, so at least 25).
    const pushes = spans.filter((s) => s.name === 'spark batches.push');
    expect(pushes.every((s) => s.parentSpanContext?.spanId === runSpan.spanContext().spanId)).toBe(true);
    expect(pushes.reduce((n, s) => n + Number(s.attributes['spark.record.count']), 0)).toBeGreaterThanOrEqual(25);
    const batchId = runSpan.attributes['spark.batch.id'] as string;
    expect(batchId).toMatch(/\S/);
    expect(children.find((s) => s.name === 'spark batches.create')!.attributes['spark.service.uri']).toBe('batch/double');
    // The run span ends last: after its dispose call.
    const dispose = children.find((s) => s.name === 'spark batches.dispose')!;
    expect(dispose.attributes['url.full']).toContain(`/batch/${batchId}`);
    // The in-memory exporter records spans in the order they end (the simple processor
    // exports on end), so order is compared there. Timestamps are not: each span anchors its
    // own clock to Date.now() at its start, so two ends can disagree by milliseconds under load.
    expect(spans.indexOf(runSpan)).toBeGreaterThan(spans.indexOf(dispose));
  });
});
