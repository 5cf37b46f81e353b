import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { toUploadBlob as browserBlob } from './to-upload-blob.js';
import { toUploadBlob as nodeBlob } from './to-upload-blob.node.js';
import { isUploadFile } from './upload-file.js';

const ZIP = 'application/zip';
const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);
const text = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-upload-'));
  await writeFile(join(dir, 'package.zip'), bytes);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('toUploadBlob', () => {
  it.each([
    ['Uint8Array', () => bytes],
    ['Buffer', () => Buffer.from(bytes)],
    ['ArrayBuffer', () => bytes.slice().buffer],
    ['Blob without a type', () => new Blob([bytes])],
    ['web ReadableStream', () => new Blob([bytes]).stream()],
    ['Node Readable', () => Readable.from([Buffer.from(bytes.subarray(0, 2)), Buffer.from(bytes.subarray(2))])],
    ['async generator', () => (async function* () { yield bytes.subarray(0, 3); yield bytes.subarray(3); })()],
  ] as const)('reads a %s into a typed Blob with the same bytes', async (_, make) => {
    const blob = await nodeBlob(make(), { operation: 'test.upload', type: ZIP });
    expect(blob.type).toBe(ZIP);
    expect(await text(blob)).toEqual(bytes);
  });

  it('reads a SparkDownload and keeps its content type', async () => {
    const download = { stream: new Blob([bytes]).stream(), contentType: 'application/x-zip', fileName: 'x.zip', bytes: async () => bytes, toFile: async () => 0 };
    const blob = await nodeBlob(download, { operation: 'test.upload', type: ZIP });
    expect([blob.type, await text(blob)]).toEqual(['application/x-zip', bytes]);
  });

  it('keeps a Blob that has a type as it is', async () => {
    const typed = new Blob([bytes], { type: 'application/vnd.ms-excel' });
    expect(await nodeBlob(typed, { operation: 'test.upload', type: ZIP })).toBe(typed);
  });

  it('Node: a string is a file path, read as a file-backed Blob', async () => {
    const blob = await nodeBlob(join(dir, 'package.zip'), { operation: 'test.upload', type: ZIP });
    expect([blob.type, blob.size]).toEqual([ZIP, bytes.byteLength]);
    expect(await text(blob)).toEqual(bytes);
  });

  it('Node: a missing path is a SparkSdkError naming the operation, field, path and code', async () => {
    const missing = join(dir, 'nope.zip');
    const error = await nodeBlob(missing, { operation: 'impex.import', field: 'file' }).then(() => new Error('resolved'), (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe(`impex.import: "file" could not be read from "${missing}" (ENOENT)`);
    await expect(nodeBlob(dir, { operation: 'impex.import' })).rejects.toThrow(`impex.import: "file" could not be read from "${dir}" (EISDIR)`);
  });

  it('browser build: a path is refused with a SparkSdkError that says why', async () => {
    const error = await browserBlob(join(dir, 'package.zip'), { operation: 'services.create' }).then(() => new Error('resolved'), (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('services.create: "file" is a file path, which only Node can read; pass a Blob, a Uint8Array or a ReadableStream');
    expect(await text(await browserBlob(bytes, { operation: 'services.create' }))).toEqual(bytes);
  });

  it('refuses anything else, naming what is accepted', async () => {
    for (const bad of [42, {}, null, '  '] as never[]) {
      expect(isUploadFile(bad)).toBe(false);
      await expect(nodeBlob(bad, { operation: 'folders.uploadCover', field: 'image' })).rejects.toThrow(/^folders\.uploadCover: "image" must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, SparkDownload, Node Readable or file path/);
    }
    expect(isUploadFile(Readable.from([bytes]))).toBe(true);
  });
});
