import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Builds a zip from a map of path → text or bytes. */
export function makeZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(entries, { level: 6 });
}

/** Reads every file entry of a zip (directories are skipped). */
export function readZip(bytes: Uint8Array): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('/')) out[name] = data;
  }
  return out;
}

/** True when the bytes start with a zip local-file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Decodes UTF-8 bytes and parses them as JSON; `undefined` on failure. */
export function parseJsonBytes(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}
