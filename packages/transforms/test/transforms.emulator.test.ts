import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkBadRequestError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { deleteTransform, getTransform, listTransforms, transforms, uploadTransform, validateTransform } from '../src/index.js';
import { samplePath } from '@spark/test-utils';

const emu = withEmulator();
let spark: ReturnType<typeof makeClient>;
const makeClient = (baseUrl: string) => createClient({ baseUrl, apiKey: emu.apiKey, maxRetries: 0 }).use(transforms);

beforeAll(async () => {
  spark = makeClient(emu.baseUrl);
});
afterAll(async () => {
  spark?.close();
});

describe('transforms against the emulator', () => {
  it('uploads the SDK shape, gets it back parsed, lists and deletes it', async () => {
    const saved = await uploadTransform(spark, { folder: 'int tf', name: 'cyl', transform: { inputs: "{'radius': $.r}", outputs: "{'v': $.response_data.outputs.volume}" } });
    expect(saved.outputs).toEqual({ name: 'cyl', transform_uri: 'int tf/cyl' });
    const fetched = await getTransform(spark, 'int tf/cyl');
    expect(fetched.outputs.transform_document).toEqual({
      transform_type: 'JSONtransforms_v1.0.1', target_api_version: 'v3', input_body_transform: "{'radius': $.r}", output_body_transform: "{'v': $.response_data.outputs.volume}",
    });
    expect(typeof fetched.outputs.updatedAt).toBe('string');
    await spark.transforms.upload({ folder: 'int tf', name: 'node', transform: { schema: 'Nodejs22_v1.0.0', inputs: 'async function handler(e) { return e; }' } });
    const page = await listTransforms(spark, 'int tf', { size: 1 });
    expect(page.count).toBe(2);
    expect(page.result).toHaveLength(1);
    const all = await spark.transforms.list('int tf');
    expect(all.result.map((t) => t.name).sort()).toEqual(['cyl', 'node']);
    const deleted = await deleteTransform(spark, { folder: 'int tf', name: 'cyl' });
    expect(deleted.outputs.name).toBe('cyl');
    expect(await getTransform(spark, 'int tf/cyl').catch((e: unknown) => e)).toBeInstanceOf(SparkNotFoundError);
    expect(await spark.transforms.delete('int tf/cyl').catch((e: unknown) => e)).toBeInstanceOf(SparkNotFoundError);
  });

  it('round-trips the shared jsonmapper sample as is', async () => {
    const sample = readFileSync(samplePath('jsonmapper_transform.json'), 'utf8');
    await spark.transforms.upload({ folder: 'int-samples', name: 'jsonmapper', transform: sample });
    const fetched = await spark.transforms.get({ folder: 'int-samples', name: 'jsonmapper' });
    expect(fetched.outputs.transform_document).toEqual(JSON.parse(sample));
    expect((await validateTransform(spark, JSON.parse(sample))).outputs).toEqual({ isValid: true, error: null });
  });

  it('validates documents on the server; the server rejects what the SDK lets through as raw', async () => {
    expect((await spark.transforms.validate({ inputs: 'x' })).outputs.isValid).toBe(true);
    const verdict = await validateTransform(spark, { transform_type: 'JSONtransforms_v1.0.1', target_api_version: 'v9' });
    expect(verdict.outputs.isValid).toBe(false);
    expect(verdict.outputs.error?.[0]?.code).toBeTruthy();
    const refused = await uploadTransform(spark, { folder: 'f', name: 'bad', transform: { transform_type: 'JSONtransforms_v1.0.1', target_api_version: 'v9' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SparkBadRequestError);
  });

  it('sends nothing for bad input', async () => {
    const seen = emu.stats().requests;
    expect(await spark.transforms.get('no-slash').catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(await spark.transforms.upload({ folder: 'f', name: 'n', transform: '{oops' }).catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(await spark.transforms.list('f', { page: 0 }).catch((e: unknown) => e)).toBeInstanceOf(SparkSdkError);
    expect(emu.stats().requests).toBe(seen);
  });
});
