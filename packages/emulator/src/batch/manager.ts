import type { BatchOptions, JsonObject } from '../types.js';
import type { EmulatorState } from '../state/state.js';
import { resolveVersion } from '../state/resolve.js';
import { asObject, asString, nowIso, uuid } from '../util/ids.js';
import { formatUri, parseLocator } from '../util/locator.js';
import { HttpError } from '../server/http-error.js';
import { Batch, type BatchSettings } from './batch.js';
import { readChunk, type PendingChunk } from './chunk.js';

const MB = 1024 * 1024;
const DEFAULT_BUFFER = 64 * MB;
/** What the open pipelines' chunks and results may hold together, by default (Spark's tenant buffer). */
const DEFAULT_TENANT_BUFFER = 1024 * MB;
const MAX_BATCHES = 1000;

function sizeFrom(body: JsonObject, names: string[]): number | undefined {
  for (const n of names) {
    const v = Number(body[n]);
    if (body[n] !== undefined && body[n] !== null && Number.isFinite(v) && v > 0) return Math.round(v * MB);
  }
  return undefined;
}

/** Owns the batch pipelines of one emulator. */
export class BatchManager {
  readonly batches = new Map<string, Batch>();

  constructor(
    private readonly state: EmulatorState,
    private readonly options: BatchOptions,
  ) {}

  /**
   * Creates a pipeline. Buffer sizes come from `max_input_size_in_mb` | `max_input_size` |
   * `max_input_in_mb` (MB, same for output), else from the emulator options.
   */
  create(body: JsonObject): Batch {
    this.prune();
    if (this.openCount() >= MAX_BATCHES) {
      throw new HttpError(429, `${MAX_BATCHES} batch pipelines are open: close one first`, 'BATCH_LIMIT_REACHED', 'v4', { 'retry-after': '1', 'x-retry-after': '1' });
    }
    const service = asString(body['service']);
    const versionId = asString(body['version_id']);
    if (!service && !versionId) throw new HttpError(400, 'either "service" or "version_id" is required', 'BAD_REQUEST', 'v4');
    const v = resolveVersion(this.state, service ? parseLocator(service) : {}, { versionId, at: asString(body['version_by_timestamp']) });
    const settings: BatchSettings = {
      workers: Math.max(1, this.options.workers ?? 4),
      recordLatencyMs: Math.max(0, this.options.recordLatencyMs ?? 0),
      inputBytes: sizeFrom(body, ['max_input_size_in_mb', 'max_input_size', 'max_input_in_mb']) ?? this.options.inputBufferBytes ?? DEFAULT_BUFFER,
      outputBytes: sizeFrom(body, ['max_output_size_in_mb', 'max_output_size', 'max_output_in_mb']) ?? this.options.outputBufferBytes ?? DEFAULT_BUFFER,
      idleTimeoutMs: this.options.idleTimeoutMs ?? 30 * 60_000,
    };
    const batch = new Batch(uuid(), v, body, settings, nowIso());
    this.batches.set(batch.id, batch);
    this.prune();
    return batch;
  }

  get(id: string): Batch {
    const b = this.batches.get(id);
    if (!b) throw new HttpError(404, `batch ${id} not found`, 'BATCH_NOT_FOUND', 'v4');
    return b;
  }

  /**
   * Pushes chunks. Already-accepted chunk ids are skipped (idempotent re-push).
   * A push that does not fit in the remaining input buffer is refused as a whole with
   * **429** (`BATCH_INPUT_BUFFER_FULL`, `Retry-After: 1`) — retry after pulling; a push
   * bigger than the whole buffer is **413**; pushing to a closed batch is **409**. The open
   * pipelines share the tenant's buffer (`batch.tenantBufferBytes`): a push that would take
   * their chunks and results together past it is refused with the same 429.
   */
  push(batch: Batch, body: unknown, rawBytes: number): void {
    if (!batch.open) throw new HttpError(409, `batch ${batch.id} is ${batch.status}`, 'BATCH_CLOSED', 'v4');
    const b = asObject(body);
    const list = Array.isArray(b['chunks']) ? (b['chunks'] as unknown[]) : Array.isArray(body) ? (body as unknown[]) : b['data'] ? [b] : [];
    if (list.length === 0) throw new HttpError(400, 'no chunks were provided', 'BAD_REQUEST', 'v4');
    const fresh: PendingChunk[] = [];
    const seen = new Set<string>();
    for (const raw of list) {
      const bytes = list.length === 1 ? rawBytes : Buffer.byteLength(JSON.stringify(raw));
      const chunk = readChunk(raw, uuid(), bytes);
      if (batch.chunkIds.has(chunk.id) || seen.has(chunk.id)) continue;
      seen.add(chunk.id);
      fresh.push(chunk);
    }
    const needed = fresh.reduce((t, c) => t + c.bytes, 0);
    const { inputBytes } = batch.settings;
    if (needed > inputBytes) {
      throw new HttpError(413, `push of ${needed} bytes exceeds the input buffer (${inputBytes} bytes)`, 'BATCH_PAYLOAD_TOO_LARGE', 'v4');
    }
    const remaining = inputBytes - batch.counters.inputUsed;
    if (needed > remaining) {
      throw new HttpError(429, `input buffer full: ${needed} bytes pushed, ${remaining} remaining`, 'BATCH_INPUT_BUFFER_FULL', 'v4', {
        'retry-after': '1',
        'x-retry-after': '1',
      });
    }
    const tenant = this.tenantBufferBytes();
    const tenantLeft = tenant - this.tenantUsed();
    if (needed > tenantLeft) {
      throw new HttpError(429, `tenant buffer full: ${needed} bytes pushed, ${Math.max(0, tenantLeft)} of ${tenant} remaining`, 'BATCH_INPUT_BUFFER_FULL', 'v4', {
        'retry-after': '1',
        'x-retry-after': '1',
      });
    }
    if (fresh.length > 0) batch.accept(fresh);
    else batch.touch();
  }

  /** What the open pipelines' chunks and results may hold together. */
  tenantBufferBytes(): number {
    return this.options.tenantBufferBytes ?? DEFAULT_TENANT_BUFFER;
  }

  /** What the pipelines' chunks and results hold now. */
  tenantUsed(): number {
    let used = 0;
    for (const b of this.batches.values()) used += b.counters.inputUsed + b.counters.outputUsed;
    return used;
  }

  private openCount(): number {
    let open = 0;
    for (const b of this.batches.values()) if (b.open) open++;
    return open;
  }

  /** The status object of contract §6.7 (note the singular `record_submitted`). */
  status(batch: Batch): JsonObject {
    const c = batch.counters;
    const s = batch.settings;
    return {
      request_timestamp: nowIso(),
      response_timestamp: nowIso(),
      batch_status: batch.status,
      pipeline_status: batch.pipelineStatus,
      record_submitted: c.recordsSubmitted,
      records_completed: c.recordsCompleted,
      records_failed: c.recordsFailed,
      records_available: c.recordsAvailable,
      chunks_submitted: c.chunksSubmitted,
      chunks_completed: c.chunksCompleted,
      chunks_failed: c.chunksFailed,
      chunks_available: c.chunksAvailable,
      compute_time_ms: c.computeMs,
      workers_in_use: batch.activeWorkers,
      input_buffer_used_bytes: c.inputUsed,
      input_buffer_remaining_bytes: Math.max(0, s.inputBytes - c.inputUsed),
      output_buffer_used_bytes: c.outputUsed,
      output_buffer_remaining_bytes: Math.max(0, s.outputBytes - c.outputUsed),
    };
  }

  /** The create/info `data` object. */
  data(batch: Batch, withDetails: boolean): JsonObject {
    const v = batch.version;
    const b = batch.body;
    const out: JsonObject = {
      batch_status: batch.status,
      pipeline_status: batch.pipelineStatus,
      service_uri: formatUri(v.service.folder.name, v.service.name, v.revision),
      service_id: v.service.id,
      version_id: v.id,
      compiler_version: `Neuron_v${v.model.compilerVersion}`,
      source_system: b['source_system'] ?? null,
      correlation_id: b['correlation_id'] ?? null,
      unique_record_key: b['unique_record_key'] ?? null,
      created_by: this.state.registry.author,
      created_timestamp: batch.createdAt,
      updated_timestamp: batch.updatedAt,
      response_timestamp: nowIso(),
    };
    if (withDetails) Object.assign(out, this.details(batch));
    return out;
  }

  private details(batch: Batch): JsonObject {
    const c = batch.counters;
    const s = batch.settings;
    const b = batch.body;
    return {
      summary: {
        chunks_submitted: c.chunksSubmitted,
        chunks_retried: 0,
        chunks_completed: c.chunksCompleted,
        chunks_failed: c.chunksFailed,
        records_retried: 0,
        input_size_bytes: c.inputTotal,
        output_size_bytes: c.outputTotal,
        avg_compute_time_ms: c.chunksCompleted ? Math.round(c.computeMs / c.chunksCompleted) : 0,
        records_submitted: c.recordsSubmitted,
        records_failed: c.recordsFailed,
        records_completed: c.recordsCompleted,
        compute_time_ms: c.computeMs,
        batch_time_ms: (batch.finishedAt ?? Date.now()) - Date.parse(batch.createdAt),
      },
      configuration: {
        initial_workers: b['initial_workers'] ?? s.workers,
        chunks_per_request: b['chunks_per_request'] ?? 2,
        runner_thread_count: b['runner_thread_count'] ?? 2,
        acceptable_error_percentage: b['acceptable_error_percentage'] ?? 0,
        input_buffer_allocated_bytes: s.inputBytes,
        output_buffer_allocated_bytes: s.outputBytes,
        max_workers: b['max_workers'] ?? s.workers,
      },
    };
  }

  /** Stops every idle timer (on close). */
  dispose(): void {
    for (const b of this.batches.values()) b.stopTimer();
  }

  private prune(): void {
    if (this.batches.size <= MAX_BATCHES) return;
    for (const [id, b] of this.batches) {
      if (!b.open && b.activeWorkers === 0) this.batches.delete(id);
      if (this.batches.size <= MAX_BATCHES) break;
    }
  }
}
