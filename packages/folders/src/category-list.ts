import type { FolderCategory } from './types.js';

/**
 * Reads the category list out of a save/delete answer (`data["Metadata.ProductCategories"]`,
 * with `Key`/`Value`/`Icon` keys) or a plain list, lower-casing every key.
 */
export function toCategories(data: unknown): FolderCategory[] {
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null
      ? (data as Record<string, unknown>)['Metadata.ProductCategories']
      : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => Object.fromEntries(Object.entries(item).map(([k, value]) => [k.toLowerCase(), value])) as FolderCategory);
}
