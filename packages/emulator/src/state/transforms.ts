import { nowIso, uuid } from '../util/ids.js';

/** A stored transform document. */
export interface TransformDoc {
  id: string;
  folder: string;
  name: string;
  /** The `transform_content` string as saved. */
  content: string;
  transformType: string;
  createdAt: string;
  updatedAt: string;
}

/** Transform documents by folder and name (case-insensitive). */
export class TransformStore {
  private readonly docs = new Map<string, TransformDoc>();
  private key(folder: string, name: string): string {
    return `${folder.toLowerCase()}\u0000${name.toLowerCase()}`;
  }

  save(folder: string, name: string, content: string, transformType: string): TransformDoc {
    const existing = this.get(folder, name);
    const now = nowIso();
    const doc: TransformDoc = {
      id: existing?.id ?? uuid(),
      folder,
      name,
      content,
      transformType,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.docs.set(this.key(folder, name), doc);
    return doc;
  }

  get(folder: string, name: string): TransformDoc | undefined {
    return this.docs.get(this.key(folder, name));
  }

  /** First document with this name in any folder (legacy `transforms/{name}/for/…` form). */
  byName(name: string): TransformDoc | undefined {
    const n = name.toLowerCase();
    for (const d of this.docs.values()) if (d.name.toLowerCase() === n) return d;
    return undefined;
  }

  delete(folder: string, name: string): boolean {
    return this.docs.delete(this.key(folder, name));
  }

  list(folder: string): TransformDoc[] {
    const f = folder.toLowerCase();
    return [...this.docs.values()].filter((d) => d.folder.toLowerCase() === f);
  }
}
