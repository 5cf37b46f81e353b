import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { deleteFolder } from './delete-folder.js';
import { updateFolder } from './update-folder.js';
import { uploadFolderCover } from './upload-folder-cover.js';
import { ORIGIN, json, ok, recorder, rejection } from '@spark/test-utils';

describe('updateFolder', () => {
  it('POSTs only the given fields, dates as UTC ISO, plus shouldTrackUserAction', async () => {
    const { spark, calls } = recorder(ok(null));
    const result = await updateFolder(spark, 'id 1', { description: 'new', status: 'Test', launchDate: new Date(Date.UTC(2031, 1, 2)), name: ' renamed ' });
    expect(result).toBeUndefined();
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/product/update/id%201`);
    expect(calls[0]!.json).toEqual({ description: 'new', status: 'Test', launchDate: '2031-02-02T00:00:00.000Z', name: 'renamed', shouldTrackUserAction: true });
  });

  it('uploads the cover first; a cover alone sends no update', async () => {
    const both = recorder(ok(null));
    await updateFolder(both.spark, 'f-1', { category: 'Term', cover: { image: new Blob(['png']) } });
    expect(both.calls.map((c) => c.url)).toEqual([`${ORIGIN}/api/v1/product/uploadcoverimage`, `${ORIGIN}/api/v1/product/update/f-1`]);
    const only = recorder(ok(null));
    await updateFolder(only.spark, 'f-1', { cover: { image: new Uint8Array([1]) } });
    expect(only.calls).toHaveLength(1);
  });

  it('maps 404 and error envelopes', async () => {
    expect(await rejection(updateFolder(recorder(json({}, 404)).spark, 'x', { description: 'd' }))).toBeInstanceOf(SparkNotFoundError);
    const error = await rejection(updateFolder(recorder(json({ status: 'Error', errorCode: 'NO_PRODUCT', data: null })).spark, 'x', { description: 'd' }));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('NO_PRODUCT');
  });

  it('validates before sending: empty update, bad dates, launch before start, unknown field, blank id', async () => {
    const { spark, calls } = recorder(ok(null));
    for (const [id, params] of [
      ['f', {}],
      ['f', { startDate: 'nope' }],
      ['f', { startDate: '2030-01-01', launchDate: '2029-01-01' }],
      ['f', { descripton: 'typo' }],
      ['', { description: 'x' }],
    ] as const) {
      expect(await rejection(updateFolder(spark, id, params as never))).toBeInstanceOf(SparkSdkError);
    }
    expect(calls).toHaveLength(0);
  });
});

describe('deleteFolder', () => {
  it('DELETEs product/delete/{id} without a body', async () => {
    const { spark, calls } = recorder(ok(null));
    expect(await deleteFolder(spark, 'f/1')).toBeUndefined();
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/product/delete/f%2F1`);
    expect(calls[0]!.body).toBeUndefined();
  });

  it('maps 404 to SparkNotFoundError and validates the id', async () => {
    expect(await rejection(deleteFolder(recorder(json({}, 404)).spark, 'x'))).toBeInstanceOf(SparkNotFoundError);
    const { spark, calls } = recorder(ok(null));
    expect(await rejection(deleteFolder(spark, undefined as never))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('uploadFolderCover', () => {
  it('POSTs multipart id + coverImage (File name, else "file")', async () => {
    const { spark, calls } = recorder(ok(null));
    await uploadFolderCover(spark, 'f-1', { image: new File(['abc'], 'logo.png', { type: 'image/png' }) });
    await uploadFolderCover(spark, 'f-1', { image: new Uint8Array([7]) });
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/product/uploadcoverimage`);
    const first = calls[0]!.form!.get('coverImage') as File;
    expect([first.name, first.type, await first.text()]).toEqual(['logo.png', 'image/png', 'abc']);
    expect(calls[0]!.form!.get('id')).toBe('f-1');
    const second = calls[1]!.form!.get('coverImage') as File;
    expect([second.name, second.type]).toEqual(['file', 'application/octet-stream']);
  });

  it('maps 415 to a SparkApiError and validates the image', async () => {
    const error = await rejection(uploadFolderCover(recorder(json({}, 415)).spark, 'f', { image: new Uint8Array([1]) }));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.status).toBe(415);
    const { spark, calls } = recorder(ok(null));
    expect(await rejection(uploadFolderCover(spark, 'f', { image: 'x' as never }))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});
