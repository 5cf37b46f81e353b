import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkForbiddenError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { deleteCategory } from './delete-category.js';
import { listCategories } from './list-categories.js';
import { saveCategory } from './save-category.js';
import { ORIGIN, json, ok, recorder, rejection } from '@spark/test-utils';

const saved = ok({ 'Metadata.ProductCategories': [{ Key: 'Other', Value: 'Other', Icon: 'other.svg' }, { Key: 'k1', Value: 'Pensions', Icon: 'p.svg' }] });
const lowered = [{ key: 'Other', value: 'Other', icon: 'other.svg' }, { key: 'k1', value: 'Pensions', icon: 'p.svg' }];

describe('listCategories', () => {
  it('GETs lookup/getcategories and returns the array', async () => {
    const { spark, calls } = recorder(ok([{ key: 'Term', value: 'Term', icon: 'other.svg' }]));
    expect(await listCategories(spark)).toEqual([{ key: 'Term', value: 'Term', icon: 'other.svg' }]);
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/lookup/getcategories`);
    expect(calls[0]!.body).toBeUndefined();
    expect(await listCategories(recorder(ok(null)).spark)).toEqual([]);
  });

  it('maps 403 and validates options', async () => {
    expect(await rejection(listCategories(recorder(json({}, 403)).spark))).toBeInstanceOf(SparkForbiddenError);
    const { spark, calls } = recorder(ok([]));
    expect(await rejection(listCategories(spark, { timeout: -1 }))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('saveCategory', () => {
  it('POSTs { value, key, icon } and returns the lower-cased list', async () => {
    const { spark, calls } = recorder(saved);
    expect(await saveCategory(spark, 'Pensions', { key: 'k1', icon: 'p.svg' })).toEqual(lowered);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/lookup/savecategory`);
    expect(calls[0]!.json).toEqual({ value: 'Pensions', key: 'k1', icon: 'p.svg' });
  });

  it('defaults key to a new UUID and icon to other.svg', async () => {
    const { spark, calls } = recorder(saved);
    await saveCategory(spark, 'Pensions');
    const body = calls[0]!.json;
    expect(body.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.icon).toBe('other.svg');
  });

  it('maps error envelopes and validates the name', async () => {
    const error = await rejection(saveCategory(recorder(json({ status: 'Error', errorCode: 'DUPLICATE', data: null })).spark, 'x'));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('DUPLICATE');
    const { spark, calls } = recorder(saved);
    expect(await rejection(saveCategory(spark, ''))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('deleteCategory', () => {
  it('DELETEs lookup/deletecategory/{key} and returns the lower-cased list', async () => {
    const { spark, calls } = recorder(saved);
    expect(await deleteCategory(spark, 'k 1')).toEqual(lowered);
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/lookup/deletecategory/k%201`);
  });

  it('maps 404 and validates the key', async () => {
    expect(await rejection(deleteCategory(recorder(json({}, 404)).spark, 'k'))).toBeInstanceOf(SparkNotFoundError);
    const { spark, calls } = recorder(saved);
    expect(await rejection(deleteCategory(spark, 42 as never))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});
