import type { SparkUploadFile } from '@spark/core';

/** A folder ("product") as Spark lists it. Unknown keys Spark adds are kept. */
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
  activeServiceCount?: number;
  totalServiceCount?: number;
  [key: string]: unknown;
}

/** A folder with its details, as returned after creation (`get_product_url`). */
export interface FolderDetails extends Folder {
  /** The services of the folder (a nested folder-style envelope). */
  calculationEngines?: { count?: number; data?: unknown[]; [key: string]: unknown };
  sections?: unknown[];
}

/** A folder category (keys lower-cased, whatever casing Spark used). */
export interface FolderCategory {
  key: string;
  value: string;
  icon: string;
  [key: string]: unknown;
}

/** A cover image: bytes, a `Blob`/`File`, a stream, a Node `Readable` or (Node) a file path, with an optional file name. */
export interface FolderCover {
  image: SparkUploadFile;
  /** Default: the `File`'s (or the path's) name, else `file`. */
  fileName?: string;
}

