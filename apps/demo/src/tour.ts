import { runBatch } from '@spark/batches';
import { AsyncClient, Client } from '@spark/sdk';
import { progressBar } from './progress-bar.js';
import { num, show, step } from './print.js';
import type { Target } from './target.js';

interface Cylinder { radius: number; height: number }
interface Volume { volume: number }

/** The tour: every step uses the public API of `@spark/sdk` only. */
export async function tour(target: Target, records = 10_000): Promise<void> {
  const { service } = target;
  console.log(`Spark TypeScript SDK tour — ${target.label}`);

  step(1, 'Health check (static, no credentials)');
  const origin = target.emulator?.url ?? new URL(process.env['CSPARK_BASE_URL']!).origin;
  show('health', await Client.healthCheck(origin));

  await using spark = new AsyncClient(target.options);

  step(2, `Execute one record (v3): ${service}`);
  const one = await spark.services.execute<Cylinder, Volume>(service, { inputs: { radius: 2, height: 3 } });
  show('outputs', one.outputs[0]);
  show('call id', one.call_id);

  step(3, 'Execute many records in one request (v4)');
  const many = await spark.services.execute<Cylinder, Volume>(service, {
    inputs: [{ radius: 1, height: 1 }, { radius: 2, height: 3 }, { radius: 5, height: 10 }],
  });
  show('volumes', (many.outputs as Volume[]).map((o) => Number(o.volume.toFixed(3))));

  step(4, 'Validate inputs (dynamic validation)');
  const validation = await spark.services.validate(service, { inputs: { radius: 2, height: 3 }, validationType: 'dynamic' });
  show('validated inputs', Object.keys((validation.response_data as { outputs?: object })?.outputs ?? {}));

  step(5, 'Service metadata');
  const metadata = await spark.services.getMetadata(service);
  show('status', (metadata as { status?: unknown }).status);

  step(6, `runBatch: ${num(records)} records through a batch pipeline`);
  const bar = progressBar(records, 'records');
  const input = (function* () {
    for (let i = 0; i < records; i++) yield { radius: (i % 10) + 1, height: (i % 7) + 1 };
  })();
  const run = runBatch(spark.spark, service, input, {
    chunkSize: 500,
    onProgress: (p) => bar(p.recordsCompleted + p.recordsFailed, `${num(p.recordsCompleted)}/${num(records)}`),
  });
  let checked = 0;
  let wrong = 0;
  for await (const result of run) {
    const r = (result.index % 10) + 1;
    const h = (result.index % 7) + 1;
    const volume = (result.outputs as Volume | undefined)?.volume;
    if (volume === undefined || Math.abs(volume - Math.PI * r * r * h) > 1e-6) wrong++;
    checked++;
  }
  const summary = await run.summary;
  bar(records, `${num(summary.recordsOut)}/${num(records)}`);
  show('results', `${num(checked)} results, ${num(wrong)} wrong, ${num(summary.recordsFailed)} failed, ${summary.chunks} chunks, ${summary.retries} retries`);
  show('throughput', `${num(summary.recordsPerSecond)} records/s in ${num(summary.durationMs / 1000, 2)} s`);

  step(7, `Execution log of call ${one.call_id}`);
  const log = await spark.logs.get(String(one.call_id));
  show('service', `${log.Product ?? ''}/${log.Service ?? ''}`);
  show('inputs', (log.EngineDetails as { request_data?: { inputs?: unknown } } | undefined)?.request_data?.inputs);

  step(8, 'Shutdown: `await using` closes the client (drains in-flight calls, releases the pool)');
}
