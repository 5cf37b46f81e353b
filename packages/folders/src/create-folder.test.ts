import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkConflictError, SparkSdkError, SparkUnauthorizedError } from '@spark/core';
import { createFolder } from './create-folder.js';
import { ORIGIN, json, ok, recorder, rejection } from '@spark/test-utils';

const DETAILS_URL = `${ORIGIN}/api/v1/product/GetProduct/pricing`;
const created = () => ok({ folderId: 'f-1', get_product_url: DETAILS_URL });
const folder = { id: 'f-1', name: 'pricing', category: 'Term', status: 'Design', calculationEngines: { count: 0, data: [] }, sections: [] };

describe('createFolder', () => {
  it('sends a multipart create with every field, then GETs the absolute get_product_url', async () => {
    const { spark, calls } = recorder(created(), ok(folder));
    await createFolder(spark, {
      name: ' pricing ', description: 'Q3', category: 'Term', status: 'Test',
      startDate: '2025-01-31T00:00:00Z', launchDate: Date.UTC(2030, 0, 31),
    });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST ${ORIGIN}/api/v1/product/create`, `GET ${DETAILS_URL}`]);
    const form = calls[0]!.form!;
    expect(Object.fromEntries(form.entries())).toEqual({
      Name: 'pricing', Description: 'Q3', Category: 'Term', Status: 'Test',
      StartDate: '2025-01-31T00:00:00.000Z', LaunchDate: '2030-01-31T00:00:00.000Z',
    });
    expect(calls[1]!.headers['x-synthetic-key']).toBe('k');
  });

  it('defaults description, category, status and dates (launch = start + 10 years, UTC ISO)', async () => {
    const { spark, calls } = recorder(created(), ok(folder));
    await createFolder(spark, 'pricing');
    const form = calls[0]!.form!;
    expect(form.get('Description')).toBe('Created by Spark TypeScript SDK');
    expect(form.get('Category')).toBe('Other');
    expect(form.get('Status')).toBe('Design');
    const start = String(form.get('StartDate'));
    expect(start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(start) - Date.now())).toBeLessThan(60_000);
    expect(Number(String(form.get('LaunchDate')).slice(0, 4))).toBe(Number(start.slice(0, 4)) + 10);
  });

  it('uploads the cover between create and the details GET', async () => {
    const { spark, calls } = recorder(created(), ok(null), ok(folder));
    await createFolder(spark, { name: 'pricing', cover: { image: new Uint8Array([1, 2, 3]), fileName: 'c.png' } });
    expect(calls.map((c) => c.url)).toEqual([`${ORIGIN}/api/v1/product/create`, `${ORIGIN}/api/v1/product/uploadcoverimage`, DETAILS_URL]);
    const form = calls[1]!.form!;
    expect(form.get('id')).toBe('f-1');
    const file = form.get('coverImage') as File;
    expect(file.name).toBe('c.png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('returns the folder details (the data of the details envelope)', async () => {
    const { spark } = recorder(created(), ok(folder));
    expect(await createFolder(spark, 'pricing')).toEqual(folder);
  });

  it('turns HTTP 200 + PRODUCT_ALREADY_EXISTS into SparkConflictError (409, real url and request id)', async () => {
    const { spark, calls } = recorder(json({ status: 'Error', errorCode: 'PRODUCT_ALREADY_EXISTS', message: null, data: null }));
    const error = await rejection(createFolder(spark, 'pricing'));
    expect(error).toBeInstanceOf(SparkConflictError);
    expect(error.status).toBe(409);
    expect(error.url).toBe(`${ORIGIN}/api/v1/product/create`);
    expect(error.requestId).toBe(calls[0]!.headers['x-request-id']);
    expect(error.message).toContain('pricing');
    expect(calls).toHaveLength(1);
  });

  it('turns any other error envelope into a SparkApiError naming the errorCode, and 401 into SparkUnauthorizedError', async () => {
    const error = await rejection(createFolder(recorder(json({ status: 'Error', errorCode: 'INVALID_NAME', data: null })).spark, 'x'));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error).not.toBeInstanceOf(SparkConflictError);
    expect(error.status).toBe(200);
    expect(error.message).toContain('INVALID_NAME');
    expect(await rejection(createFolder(recorder(json({}, 401)).spark, 'x'))).toBeInstanceOf(SparkUnauthorizedError);
  });

  it('validates before sending: blank name, bad date, launch before start, unknown field', async () => {
    const { spark, calls } = recorder(created());
    for (const bad of [
      '',
      { name: 'x', startDate: 'not a date' },
      { name: 'x', startDate: '2030-01-01', launchDate: '2025-01-01' },
      { name: 'x', colour: 'red' },
      { name: 'x', cover: { image: 42 } },
      { name: 'x', cover: { image: '/no/such/cover.png' } },
    ]) {
      expect(await rejection(createFolder(spark, bad as never))).toBeInstanceOf(SparkSdkError);
    }
    expect(calls).toHaveLength(0);
  });
});
