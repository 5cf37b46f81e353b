import type { RunnableModel } from './model-types.js';
import { bumpVersion, nowIso, uuid } from '../util/ids.js';
import { FolderStore, type Folder } from './folders.js';

/** One published version of a service. */
export interface VersionEntry {
  id: string;
  revision: string;
  service: ServiceEntry;
  model: RunnableModel;
  createdAt: string;
  effectiveStartDate: string;
  effectiveEndDate: string;
  originalFileName: string;
  label: string | null;
  releaseNote: string | null;
  tags: string | null;
  author: string;
  /** The uploaded workbook, when the version came from an upload. */
  file?: Uint8Array;
}

/** A service (engine) and its versions, oldest first. */
export interface ServiceEntry {
  id: string;
  folder: Folder;
  name: string;
  createdAt: string;
  updatedAt: string;
  versions: VersionEntry[];
  /** Served by the `/public/` routes without credentials. */
  public: boolean;
}

/** Options when publishing a version. */
export interface AddVersionOptions {
  versionDifference?: string;
  versionId?: string;
  revision?: string;
  fileName?: string;
  label?: string | null;
  releaseNote?: string | null;
  tags?: string | null;
  startDate?: string;
  endDate?: string;
  file?: Uint8Array;
}

const key = (folder: string, service: string): string => `${folder.toLowerCase()}\u0000${service.toLowerCase()}`;

/** In-memory folders, services and versions with id indexes. */
export class Registry {
  readonly folders = new FolderStore();
  private readonly services = new Map<string, ServiceEntry>();
  private readonly byServiceId = new Map<string, ServiceEntry>();
  private readonly byVersionId = new Map<string, VersionEntry>();
  private readonly publicNames = new Set<string>();
  /** JS models of removed versions, so a package exported before still imports with them. */
  private readonly retired = new Map<string, RunnableModel>();
  readonly author = 'emulator@spark.local';

  /** Publishes a new version (creating folder and service as needed). */
  addVersion(folderName: string, serviceName: string, model: RunnableModel, opts: AddVersionOptions = {}): VersionEntry {
    const folder = this.folders.ensure(folderName);
    const k = key(folder.name, serviceName);
    let service = this.services.get(k);
    if (!service) {
      service = { id: uuid(), folder, name: serviceName, createdAt: nowIso(), updatedAt: nowIso(), versions: [], public: this.publicNames.has(k) };
      this.services.set(k, service);
      this.byServiceId.set(service.id, service);
    }
    const previous = service.versions.at(-1)?.revision;
    let revision = opts.revision ?? bumpVersion(previous, opts.versionDifference);
    if (service.versions.some((v) => v.revision === revision)) revision = bumpVersion(previous, opts.versionDifference);
    const id = opts.versionId && !this.byVersionId.has(opts.versionId) ? opts.versionId : uuid();
    const now = nowIso();
    const start = opts.startDate ?? now;
    const entry: VersionEntry = {
      id,
      revision,
      service,
      model,
      createdAt: now,
      effectiveStartDate: start,
      effectiveEndDate: opts.endDate ?? new Date(Date.parse(start) + 10 * 365.25 * 864e5).toISOString(),
      originalFileName: opts.fileName ?? `${serviceName}.xlsx`,
      label: opts.label ?? null,
      releaseNote: opts.releaseNote ?? null,
      tags: opts.tags ?? null,
      author: this.author,
      ...(opts.file ? { file: opts.file } : {}),
    };
    service.versions.push(entry);
    service.updatedAt = now;
    folder.lastModifiedDate = now;
    this.byVersionId.set(id, entry);
    return entry;
  }

  /** Marks `folder/service` public, now (if it exists) and whenever it is (re)created. */
  markPublic(folder: string, service: string): void {
    const k = key(folder, service);
    this.publicNames.add(k);
    const existing = this.services.get(k);
    if (existing) existing.public = true;
  }

  /** A service by folder and name (case-insensitive). */
  service(folder: string, name: string): ServiceEntry | undefined {
    return this.services.get(key(folder, name));
  }

  serviceById(id: string): ServiceEntry | undefined {
    return this.byServiceId.get(id);
  }

  versionById(id: string): VersionEntry | undefined {
    return this.byVersionId.get(id);
  }

  /** Every service, optionally only those of one folder. */
  list(folder?: string): ServiceEntry[] {
    const all = [...this.services.values()];
    return folder === undefined ? all : all.filter((s) => s.folder.name.toLowerCase() === folder.toLowerCase());
  }

  /** Every version of every service. */
  allVersions(): VersionEntry[] {
    return [...this.byVersionId.values()];
  }

  /**
   * The model of a version by id, also after the version was removed (JS models only): what
   * a generated package's `model_ref` names, so export → import keeps a user's JS model.
   */
  modelForRef(versionId: string): RunnableModel | undefined {
    return this.byVersionId.get(versionId)?.model ?? this.retired.get(versionId);
  }

  private retire(v: VersionEntry): void {
    this.byVersionId.delete(v.id);
    if (v.model.kind !== 'js') return;
    this.retired.set(v.id, v.model);
    if (this.retired.size > 1000) this.retired.delete(this.retired.keys().next().value as string);
  }

  /** Removes a service and all its versions; returns the removed versions. */
  deleteService(service: ServiceEntry): VersionEntry[] {
    this.services.delete(key(service.folder.name, service.name));
    this.byServiceId.delete(service.id);
    for (const v of service.versions) this.retire(v);
    return service.versions;
  }

  /** Removes every version of a service but keeps the service (import `replace`). */
  clearVersions(service: ServiceEntry): VersionEntry[] {
    const removed = service.versions;
    for (const v of removed) this.retire(v);
    service.versions = [];
    return removed;
  }

  /** Finds the version serving a custom proxy path (newest first). */
  byProxy(path: string): VersionEntry | undefined {
    const p = path.replace(/^\/+|\/+$/g, '').toLowerCase();
    for (const s of this.services.values()) {
      for (let i = s.versions.length - 1; i >= 0; i--) {
        const v = s.versions[i] as VersionEntry;
        if (v.model.proxy && v.model.proxy.replace(/^\/+|\/+$/g, '').toLowerCase() === p) return v;
      }
    }
    return undefined;
  }
}
