import { inflateRawSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Builds a zip from a map of path → text or bytes. */
export function makeZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(entries, { level: 6 });
}

/** What the zips of one package (the outer one and those inside it) may unpack to, together. */
export interface UnpackBudget {
  /** The cap, in bytes. */
  readonly maxBytes: number;
  /** Bytes unpacked so far. */
  used: number;
}

/**
 * Reads every file entry of a zip (directories are skipped) from its central directory. Each
 * entry is inflated to at most the size its header declares, and all entries together to at
 * most `budget` (shared by the zips of one package): a zip bomb, or an entry that holds more than it declares, is
 * refused as soon as it passes the cap, never inflated in full.
 * @throws Error on a malformed or unsupported zip, or past the budget
 */
export function readZip(bytes: Uint8Array, budget: UnpackBudget): Record<string, Uint8Array> {
  try {
    return readEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), budget);
  } catch (error) {
    // An offset or a size past the end of the bytes (Buffer's RangeError): say what it means.
    if (error instanceof RangeError) throw new Error('corrupt zip (an offset or a size points past its end)');
    throw error;
  }
}

function readEntries(data: Buffer, budget: UnpackBudget): Record<string, Uint8Array> {
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  let count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if (end >= 20 && data.readUInt32LE(end - 20) === 0x07064b50) {
    const z64 = Number(data.readBigUInt64LE(end - 12));
    if (data.readUInt32LE(z64) === 0x06064b50) {
      count = Number(data.readBigUInt64LE(z64 + 32));
      at = Number(data.readBigUInt64LE(z64 + 48));
    }
  }
  const out: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip (bad central directory entry)');
    const method = data.readUInt16LE(at + 10);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    // Names are UTF-8 when flag bit 11 says so, else CP437, read as latin1 (as fflate does).
    const name = data.toString(data.readUInt16LE(at + 8) & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const sizes = zip64Sizes(data, at + 46 + nameLength, extraLength, [data.readUInt32LE(at + 24), data.readUInt32LE(at + 20), data.readUInt32LE(at + 42)]);
    const [size, compressed, local] = sizes as [number, number, number];
    at += 46 + nameLength + extraLength + data.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;
    budget.used += size;
    if (budget.used > budget.maxBytes) throw new Error(`the package unpacks to more than ${budget.maxBytes} bytes (maxBodyBytes)`);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    if (method === 0) out[name] = new Uint8Array(raw.subarray(0, size));
    else if (method === 8) out[name] = inflateEntry(raw, size, name);
    else throw new Error(`unsupported compression method ${method} for ${name}`);
  }
  return out;
}

/** Inflates an entry, stopping once it passes its declared size. */
function inflateEntry(raw: Buffer, size: number, name: string): Uint8Array {
  try {
    const bytes = size === 0 ? Buffer.alloc(0) : inflateRawSync(raw, { maxOutputLength: size });
    if (bytes.length !== size) throw new Error('size');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    throw new Error(`corrupt zip entry ${name} (it does not inflate to the ${size} bytes it declares)`);
  }
}

/** Replaces the 0xFFFFFFFF fields (uncompressed size, compressed size, offset) by their zip64 values. */
function zip64Sizes(data: Buffer, extra: number, length: number, fields: number[]): number[] {
  for (let p = extra; p + 4 <= extra + length; p += 4 + data.readUInt16LE(p + 2)) {
    if (data.readUInt16LE(p) !== 0x0001) continue;
    let q = p + 4;
    return fields.map((value) => (value === 0xffffffff ? Number(data.readBigUInt64LE((q += 8) - 8)) : value));
  }
  return fields;
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
