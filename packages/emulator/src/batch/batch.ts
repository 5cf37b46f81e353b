import type { JsonObject } from '../types.js';
import type { VersionEntry } from '../state/registry.js';
import { modelMeta, runRecord, type RecordRun } from '../state/run.js';
import { nowIso, sleep } from '../util/ids.js';
import { aggregate, recordAt, type ChunkResult, type PendingChunk } from './chunk.js';
import { BatchCounters } from './counters.js';

/** Batch tuning resolved from options and the create body. */
export interface BatchSettings {
  workers: number;
  recordLatencyMs: number;
  inputBytes: number;
  outputBytes: number;
  idleTimeoutMs: number;
}

/** `batch_status` values of contract §6.7. */
export type BatchStatus = 'created' | 'in_progress' | 'closed' | 'closed_by_timeout' | 'completed' | 'completed_by_timeout' | 'failed' | 'cancelled';

/** One async batch pipeline: an input buffer, concurrent workers and an output buffer. */
export class Batch {
  readonly queue: PendingChunk[] = [];
  readonly results: ChunkResult[] = [];
  readonly chunkIds = new Set<string>();
  readonly counters = new BatchCounters();
  status: BatchStatus = 'created';
  activeWorkers = 0;
  updatedAt = nowIso();
  finishedAt: number | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: string,
    readonly version: VersionEntry,
    readonly body: JsonObject,
    readonly settings: BatchSettings,
    readonly createdAt: string,
  ) {
    this.touch();
  }

  /** True while chunks may be pushed. */
  get open(): boolean {
    return this.status === 'created' || this.status === 'in_progress';
  }

  get pipelineStatus(): string {
    return this.open ? 'idle' : 'closed';
  }

  /** Restarts the inactivity timer. */
  touch(): void {
    this.updatedAt = nowIso();
    if (!this.open) return;
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.close('closed_by_timeout'), this.settings.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  /** Accepts chunks already checked for duplicates and buffer room, then wakes the workers. */
  accept(chunks: PendingChunk[]): void {
    for (const c of chunks) {
      this.chunkIds.add(c.id);
      this.queue.push(c);
      this.counters.accept(c);
    }
    if (this.status === 'created') this.status = 'in_progress';
    this.touch();
    setImmediate(() => this.pump());
  }

  /** Takes up to `max` results from the output buffer (freeing it) and resumes workers. */
  drain(max: number): ChunkResult[] {
    const out = this.results.splice(0, Math.max(1, max));
    for (const r of out) this.counters.drain(r);
    this.touch();
    if (out.length > 0) setImmediate(() => this.pump());
    this.settle();
    return out;
  }

  /** `closed`/`closed_by_timeout` keep processing queued chunks; `cancelled` drops everything. */
  close(state: 'closed' | 'closed_by_timeout' | 'cancelled'): void {
    if (!this.open && state !== 'cancelled') return;
    this.status = state;
    if (state === 'cancelled') {
      this.queue.length = 0;
      this.results.length = 0;
      this.counters.reset();
    }
    this.stopTimer();
    this.settle();
  }

  stopTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Moves a closed batch to its terminal status once no work is left. */
  private settle(): void {
    if ((this.status === 'closed' || this.status === 'closed_by_timeout') && this.queue.length === 0 && this.activeWorkers === 0) {
      this.status = this.status === 'closed' ? 'completed' : 'completed_by_timeout';
      this.finishedAt = Date.now();
    } else if (this.status === 'cancelled') this.finishedAt ??= Date.now();
  }

  /** Starts workers while there are chunks, free workers and room in the output buffer. */
  pump(): void {
    while (
      this.activeWorkers < this.settings.workers &&
      this.queue.length > 0 &&
      this.counters.outputUsed < this.settings.outputBytes &&
      this.status !== 'cancelled'
    ) {
      const chunk = this.queue.shift() as PendingChunk;
      this.activeWorkers += 1;
      void this.process(chunk).finally(() => {
        this.activeWorkers -= 1;
        this.settle();
        this.pump();
      });
    }
  }

  private async process(chunk: PendingChunk): Promise<void> {
    const t0 = Date.now();
    const meta = modelMeta(this.version, `${this.id}:${chunk.id}`, 'batch', this.body);
    const outputs: JsonObject[] = new Array(chunk.records);
    const times: number[] = new Array(chunk.records);
    const warnings: unknown[] = new Array(chunk.records);
    const errors: unknown[] = new Array(chunk.records);
    let failed = 0;
    for (let i = 0; i < chunk.records; i++) {
      let r: RecordRun | Promise<RecordRun> = runRecord(this.version, recordAt(chunk, i), meta);
      if (r instanceof Promise) r = await r;
      outputs[i] = r.outputs;
      times[i] = Math.round(r.ms);
      warnings[i] = r.warnings;
      errors[i] = r.errors;
      if (r.failed) failed += 1;
    }
    const latency = this.settings.recordLatencyMs * chunk.records;
    if (latency > 0) await sleep(latency);
    else await new Promise((resolve) => setImmediate(resolve));
    this.counters.release(chunk);
    if (this.status === 'cancelled') return;
    const json = JSON.stringify({
      id: chunk.id,
      outputs,
      process_time: times,
      warnings,
      errors,
      summary_output: aggregate(chunk.aggregation, outputs),
    });
    const result: ChunkResult = { id: chunk.id, json, bytes: Buffer.byteLength(json), records: chunk.records };
    this.results.push(result);
    this.counters.complete(result, failed, Date.now() - t0);
  }
}
