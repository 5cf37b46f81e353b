import type { JsonObject } from '../types.js';

/**
 * A bounded id → job map: the oldest jobs are dropped beyond `max` jobs, or beyond `maxBytes`
 * as `weigh` counts each job's bytes.
 */
export class JobStore<T extends { id: string }> {
  private readonly jobs = new Map<string, T>();
  private bytes = 0;
  constructor(
    private readonly max = 1000,
    private readonly weigh: (job: T) => number = () => 0,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}
  add(job: T): T {
    const old = this.jobs.get(job.id);
    if (old) this.drop(job.id, old);
    this.jobs.set(job.id, job);
    this.bytes += this.weigh(job);
    while (this.jobs.size > this.max || (this.bytes > this.maxBytes && this.jobs.size > 1)) {
      const oldest = this.jobs.keys().next().value as string;
      this.drop(oldest, this.jobs.get(oldest) as T);
    }
    return job;
  }
  private drop(id: string, job: T): void {
    this.jobs.delete(id);
    this.bytes -= this.weigh(job);
  }
  get(id: string): T | undefined {
    return this.jobs.get(id);
  }
  all(): T[] {
    return [...this.jobs.values()];
  }
}

/** An upload waiting to be published (keyed by its engine or original file document id). */
export interface UploadJob {
  id: string;
  folder: string;
  service: string;
  fileName: string;
  bytes: Uint8Array;
  serviceId: string;
  versionId: string;
  startDate?: string;
  endDate?: string;
  versionDifference?: string;
}

/** A compilation (or recompilation) job: progress 50 → 100 on successive polls. */
interface CompileJob {
  id: string;
  polls: number;
}

/** A log download job: progress 50 then 100 (with `download_url`) on successive polls. */
export interface LogDownloadJob {
  id: string;
  type: 'json' | 'csv';
  folder: string;
  service: string;
  polls: number;
  filter: Record<string, unknown>;
  url?: string;
}

/** An export or import job; it completes on its first status poll. */
export interface ImpexJob {
  id: string;
  kind: 'export' | 'import';
  status: 'in_progress' | 'completed' | 'failed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
  startedMs: number;
  polls: number;
  sourceSystem: unknown;
  correlationId: unknown;
  outputs: JsonObject | null;
  errors: unknown[] | null;
  work?: Promise<void>;
}

/** One typed store per async-job family (batches live in the BatchManager). */
export interface JobStores {
  uploads: JobStore<UploadJob>;
  compilations: JobStore<CompileJob>;
  logDownloads: JobStore<LogDownloadJob>;
  impex: JobStore<ImpexJob>;
}

/**
 * What waiting uploads may hold, counted per id (an upload is filed under two ids, its engine
 * file id and its original file id, so about half of this in files).
 */
const UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** Creates empty job stores. */
export function createJobStores(): JobStores {
  return {
    uploads: new JobStore<UploadJob>(1000, (job) => job.bytes.byteLength, UPLOAD_BYTES),
    compilations: new JobStore(),
    logDownloads: new JobStore(),
    impex: new JobStore(),
  };
}
