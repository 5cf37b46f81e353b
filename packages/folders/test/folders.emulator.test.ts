import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkConflictError, SparkNotFoundError, SparkSdkError, SparkUnauthorizedError } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { createFolder, deleteFolder, findAllFolders, findFolders, folderExists, folders, listFolders, updateFolder, uploadFolderCover } from '../src/index.js';

const emu = withEmulator();
let spark: ReturnType<typeof makeClient>;
// Folder APIs are documented as bearer-only on Spark, so the tests use a token.
const makeClient = (baseUrl: string) => createClient({ baseUrl, token: 'test-access-token', maxRetries: 0 }).use(folders);

beforeAll(async () => {
  spark = makeClient(emu.baseUrl);
});
afterAll(async () => {
  spark?.close();
});

describe('folders against the emulator', () => {
  it('creates a folder with a cover, refuses a duplicate, and reports existence', async () => {
    expect(await folderExists(spark, 'int-pricing')).toBe(false);
    const folder = await createFolder(spark, {
      name: 'int-pricing', category: 'Term', description: 'integration', startDate: '2025-01-01T00:00:00Z', launchDate: '2030-01-01T00:00:00Z',
      cover: { image: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), fileName: 'cover.png' },
    });
    expect(folder).toMatchObject({ name: 'int-pricing', category: 'Term', description: 'integration', startDate: '2025-01-01T00:00:00.000Z' });
    expect(typeof folder.id).toBe('string');
    expect(folder.coverImagePath).toBeTruthy();
    expect(folder.calculationEngines).toBeDefined();
    expect(await spark.folders.exists('int-pricing')).toBe(true);
    const duplicate = await spark.folders.create('int-pricing').catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(SparkConflictError);
    expect((duplicate as SparkConflictError).status).toBe(409);
  });

  it('finds, lists and iterates folders over several pages', async () => {
    for (const n of [1, 2, 3]) await spark.folders.create(`int-page-${n}`);
    const found = await findFolders(spark, 'int-page', { size: 2 });
    expect(found.count).toBe(3);
    expect(found.data).toHaveLength(2);
    const listed = await listFolders(spark, { size: 100 });
    expect(listed.data.map((f) => f.name)).toEqual(expect.arrayContaining(['int-pricing', 'int-page-1', 'int-page-2', 'int-page-3']));
    const names: string[] = [];
    for await (const f of findAllFolders(spark, { name: 'int-page' }, { size: 1, sort: 'name' })) names.push(f.name);
    expect(names.sort()).toEqual(['int-page-1', 'int-page-2', 'int-page-3']);
    const viaPlugin: string[] = [];
    for await (const f of spark.folders.findAll('int-page', { size: 2 })) viaPlugin.push(f.name);
    expect(viaPlugin).toHaveLength(3);
  });

  it('updates fields and the cover, then deletes', async () => {
    const { id } = await createFolder(spark, 'int-update');
    await updateFolder(spark, id, { description: 'changed', status: 'Test', category: 'Annuity' });
    await uploadFolderCover(spark, id, { image: new Blob(['img'], { type: 'image/png' }), fileName: 'c.png' });
    const [updated] = (await findFolders(spark, { id })).data;
    expect(updated).toMatchObject({ description: 'changed', status: 'Test', category: 'Annuity' });
    expect(updated!.coverImagePath).toBeTruthy();
    await deleteFolder(spark, id);
    expect(await folderExists(spark, 'int-update')).toBe(false);
    expect(await spark.folders.delete(id).catch((e: unknown) => e)).toBeInstanceOf(SparkNotFoundError);
    expect(await spark.folders.update(id, { description: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(SparkNotFoundError);
  });

  it('manages categories', async () => {
    const before = await spark.folders.categories.list();
    expect(before.map((c) => c.value)).toContain('Term');
    const saved = await spark.folders.categories.save('Pensions', { key: 'int-pensions', icon: 'pension.svg' });
    expect(saved).toContainEqual({ key: 'int-pensions', value: 'Pensions', icon: 'pension.svg' });
    const left = await spark.folders.categories.delete('int-pensions');
    expect(left.map((c) => c.key)).not.toContain('int-pensions');
    expect(await spark.folders.categories.delete('int-pensions').catch((e: unknown) => e)).toBeInstanceOf(SparkNotFoundError);
  });

  it('maps 401 from the server and sends nothing for bad input', async () => {
    const anonymous = createClient({ baseUrl: emu.baseUrl, token: 'wrong-token', maxRetries: 0 }).use(folders);
    try {
      expect(await anonymous.folders.list().catch((e: unknown) => e)).toBeInstanceOf(SparkUnauthorizedError);
    } finally {
      anonymous.close();
    }
    const seen = emu.stats().requests;
    expect(await spark.folders.create({ name: ' ' }).catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(await spark.folders.find({}, { page: -1 }).catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(emu.stats().requests).toBe(seen);
  });
});
