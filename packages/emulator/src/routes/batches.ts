import type { Route } from '../server/router.js';
import { routeGroup } from '../server/route-group.js';
import type { BatchManager } from '../batch/manager.js';
import { asObject, nowIso } from '../util/ids.js';
import { HttpError } from '../server/http-error.js';

const HOUR = 3600_000;

/** Async batch pipeline routes (contract §6.7). */
export function batchRoutes(batches: BatchManager): Route[] {
  const r = routeGroup({ prefix: '/:tenant/api/v4/batch', family: 'v4' });
  return [
    r('GET', '/status', 'batches.describe', (ctx) => {
      const all = [...batches.batches.values()];
      const brief = (b: (typeof all)[number]) => {
        const d = batches.data(b, true);
        const summary = asObject(d['summary']);
        return {
          object: 'batch',
          id: b.id,
          data: {
            batch_status: b.status,
            pipeline_status: b.pipelineStatus,
            service_uri: d['service_uri'],
            created_by: d['created_by'],
            created_timestamp: d['created_timestamp'],
            updated_timestamp: d['updated_timestamp'],
            response_timestamp: nowIso(),
            summary: {
              records_submitted: summary['records_submitted'],
              records_completed: summary['records_completed'],
              records_failed: summary['records_failed'],
              compute_time_ms: summary['compute_time_ms'],
              batch_time_ms: summary['batch_time_ms'],
            },
          },
        };
      };
      const open = all.filter((b) => b.open);
      const recent = all.filter((b) => !b.open && Date.now() - (b.finishedAt ?? Date.now()) < HOUR);
      const sum = (f: (b: (typeof all)[number]) => number) => open.reduce((t, b) => t + f(b), 0);
      const inAlloc = sum((b) => b.settings.inputBytes);
      const outAlloc = sum((b) => b.settings.outputBytes);
      const inUsed = sum((b) => b.counters.inputUsed);
      const outUsed = sum((b) => b.counters.outputUsed);
      ctx.send(200, {
        in_progress_batches: open.map(brief),
        recent_batches: recent.map(brief),
        tenant: {
          configuration: { max_workers: 100, input_buffer_allocated_bytes: inAlloc, output_buffer_allocated_bytes: outAlloc },
          status: {
            workers_in_use: sum((b) => b.activeWorkers),
            input_buffer_used_bytes: inUsed,
            input_buffer_remaining_bytes: inAlloc - inUsed,
            output_buffer_used_bytes: outUsed,
            output_buffer_remaining_bytes: outAlloc - outUsed,
          },
        },
        environment: { update: 17 },
      });
    }),
    r('POST', '', 'batches.create', (ctx) => {
      const batch = batches.create(asObject(ctx.json()));
      ctx.send(200, { object: 'batch', id: batch.id, data: batches.data(batch, false) });
    }),
    r('GET', '/:id', 'batches.info', (ctx) => {
      const batch = batches.get(ctx.params['id'] ?? '');
      ctx.send(200, { object: 'batch', id: batch.id, data: batches.data(batch, true) });
    }),
    r('GET', '/:id/status', 'batches.status', (ctx) => {
      const batch = batches.get(ctx.params['id'] ?? '');
      batch.touch();
      ctx.send(200, batches.status(batch));
    }),
    r('POST', '/:id/chunks', 'batches.push', (ctx) => {
      const batch = batches.get(ctx.params['id'] ?? '');
      batches.push(batch, ctx.json(), ctx.raw.length);
      ctx.send(200, batches.status(batch));
    }),
    r('GET', '/:id/chunkresults', 'batches.pull', (ctx) => {
      const batch = batches.get(ctx.params['id'] ?? '');
      if (batch.status === 'cancelled') throw new HttpError(409, `batch ${batch.id} is cancelled`, 'BATCH_CANCELLED', 'v4');
      const q = ctx.query;
      const max = Number(q.get('max') ?? q.get('max_chunks') ?? 100);
      const taken = batch.drain(Number.isFinite(max) ? max : 100);
      const text = `{"data":[${taken.map((t) => t.json).join(',')}],"status":${JSON.stringify(batches.status(batch))}}`;
      ctx.sendBytes(200, Buffer.from(text, 'utf8'), 'application/json; charset=utf-8');
    }),
    r('PATCH', '/:id', 'batches.dispose', (ctx) => {
      const batch = batches.get(ctx.params['id'] ?? '');
      const wanted = String(asObject(ctx.json())['batch_status'] ?? 'closed').toLowerCase();
      if (wanted !== 'closed' && wanted !== 'cancelled') {
        throw new HttpError(400, `batch_status must be "closed" or "cancelled", not "${wanted}"`, 'BAD_REQUEST', 'v4');
      }
      if (!batch.open) throw new HttpError(409, `batch ${batch.id} is already ${batch.status}`, 'BATCH_CLOSED', 'v4');
      batch.close(wanted);
      ctx.send(200, { object: 'batch', id: batch.id, data: batches.data(batch, true), status: batches.status(batch) });
    }),
  ];
}
