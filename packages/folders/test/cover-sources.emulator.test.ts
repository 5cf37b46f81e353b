import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SparkFetch } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { createFolder, uploadFolderCover } from '../src/index.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Folder APIs are bearer-only on Spark: the emulator's documented static token.
const TOKEN = 'test-bearer-token';
const emu = withEmulator({ tokens: [TOKEN] });
let dir = '';
const covers: File[] = [];
const recording: SparkFetch = async (input, init) => {
  if (init?.body instanceof FormData && init.body.has('coverImage')) covers.push(init.body.get('coverImage') as File);
  return fetch(input, init);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-cover-'));
  await writeFile(join(dir, 'cover.png'), PNG);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('folder covers from Node sources', () => {
  it('uploads a cover given as a file path (its name) and as a Node Readable', async () => {
    using spark = createClient({ baseUrl: emu.baseUrl, token: TOKEN, maxRetries: 0, fetch: recording });
    const folder = await createFolder(spark, { name: 'cover-from-path', cover: { image: join(dir, 'cover.png') } });
    expect(folder.coverImagePath).toBeTruthy();
    expect(covers.at(-1)!.name).toBe('cover.png');
    expect(new Uint8Array(await covers.at(-1)!.arrayBuffer())).toEqual(PNG);

    await uploadFolderCover(spark, folder.id, { image: createReadStream(join(dir, 'cover.png')), fileName: 'again.png' });
    expect(covers.at(-1)!.name).toBe('again.png');
    expect(new Uint8Array(await covers.at(-1)!.arrayBuffer())).toEqual(PNG);
  });

  it('an unreadable cover path creates no folder', async () => {
    using spark = createClient({ baseUrl: emu.baseUrl, token: TOKEN, maxRetries: 0 });
    const before = emu.stats().requests;
    await expect(createFolder(spark, { name: 'never', cover: { image: join(dir, 'missing.png') } }))
      .rejects.toThrow(`folders.create: "cover.image" could not be read from "${join(dir, 'missing.png')}" (ENOENT)`);
    expect(emu.stats().requests).toBe(before);
  });
});
