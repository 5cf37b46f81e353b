import type { JsonObject } from '../types.js';

/** A bounded id → job map; the oldest job is dropped beyond `max`. */
class JobStore<T extends { id: string }> {
  private readonly jobs = new Map<string, T>();
  constructor(private readonly max = 1000) {}
  add(job: T): T {
    this.jobs.set(job.id, job);
    if (this.jobs.size > this.max) this.jobs.delete(this.jobs.keys().next().value as string);
    return job;
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

/** Creates empty job stores. */
export function createJobStores(): JobStores {
  return { uploads: new JobStore(), compilations: new JobStore(), logDownloads: new JobStore(), impex: new JobStore() };
}
