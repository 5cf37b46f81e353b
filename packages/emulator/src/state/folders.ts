import { nowIso, uuid } from '../util/ids.js';

/** A folder (Spark "product"). */
export interface Folder {
  id: string;
  name: string;
  category: string;
  status: string;
  description: string | null;
  coverImagePath: string | null;
  isStarred: boolean;
  createdAt: string;
  createdBy: string;
  lastModifiedDate: string;
  kanbanStatus: string | null;
  startDate: string;
  launchDate: string;
}

/** Folders by id and by (case-insensitive) name. */
export class FolderStore {
  private readonly byName = new Map<string, Folder>();
  private readonly byId = new Map<string, Folder>();

  /** Creates a folder; `undefined` when the name is taken. */
  create(name: string, fields: Partial<Folder> = {}): Folder | undefined {
    if (this.byName.has(name.toLowerCase())) return undefined;
    const now = nowIso();
    const folder: Folder = {
      id: uuid(),
      name,
      category: 'Other',
      status: 'Design',
      description: null,
      coverImagePath: null,
      isStarred: false,
      createdAt: now,
      createdBy: 'emulator@spark.local',
      lastModifiedDate: now,
      kanbanStatus: null,
      startDate: now,
      launchDate: new Date(Date.now() + 10 * 365.25 * 864e5).toISOString(),
      ...fields,
    };
    this.byName.set(name.toLowerCase(), folder);
    this.byId.set(folder.id, folder);
    return folder;
  }

  /** Returns the folder, creating it when absent. */
  ensure(name: string): Folder {
    return this.get(name) ?? (this.create(name) as Folder);
  }

  /** By name (case-insensitive) or id. */
  get(nameOrId: string): Folder | undefined {
    return this.byName.get(nameOrId.toLowerCase()) ?? this.byId.get(nameOrId);
  }

  delete(folder: Folder): void {
    this.byName.delete(folder.name.toLowerCase());
    this.byId.delete(folder.id);
  }

  /** Renames a folder, keeping its id. */
  rename(folder: Folder, name: string): void {
    this.byName.delete(folder.name.toLowerCase());
    folder.name = name;
    this.byName.set(name.toLowerCase(), folder);
  }

  all(): Folder[] {
    return [...this.byId.values()];
  }
}
