/** A random chunk id (UUID v4 from Web Crypto, available in Node ≥ 19 and every browser). */
export function newChunkId(): string {
  return globalThis.crypto.randomUUID();
}

/** Returns `id`, or `id-2`, `id-3`, … when `taken` already holds it; records the result in `taken`. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
