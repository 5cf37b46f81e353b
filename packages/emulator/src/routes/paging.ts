/** One page of a list. */
export interface Page<T> {
  items: T[];
  count: number;
  page: number;
  pageSize: number;
  pageTotal: number;
  next: number | null;
  previous: number | null;
}

/**
 * Slices a list: `page` is 1-based; a page size of -1 (or none) means everything.
 * `next`/`previous` are page numbers or null.
 */
export function paginate<T>(all: T[], page: unknown, size: unknown, defaultSize = -1): Page<T> {
  const p = Math.max(1, Math.floor(Number(page) || 1));
  const raw = Number(size ?? defaultSize);
  const s = Number.isFinite(raw) && raw > 0 ? Math.floor(raw) : -1;
  if (s === -1) return { items: all, count: all.length, page: 1, pageSize: -1, pageTotal: 1, next: null, previous: null };
  const total = Math.max(1, Math.ceil(all.length / s));
  return {
    items: all.slice((p - 1) * s, p * s),
    count: all.length,
    page: p,
    pageSize: s,
    pageTotal: total,
    next: p < total ? p + 1 : null,
    previous: p > 1 ? Math.min(p - 1, total) : null,
  };
}
