import { uuid } from '../util/ids.js';

/** A downloadable file handed out by URL. */
export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Files served at `/files/{id}/{name}`; the oldest are dropped beyond `max`. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  constructor(private readonly max = 500) {}

  /** Stores bytes and returns the absolute URL to fetch them. */
  put(origin: string, name: string, contentType: string, bytes: Uint8Array): string {
    const id = uuid();
    this.files.set(id, { id, name, contentType, bytes });
    if (this.files.size > this.max) this.files.delete(this.files.keys().next().value as string);
    return `${origin}/files/${id}/${encodeURIComponent(name)}`;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }
}
