import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { rehydrateLog } from './rehydrate-log.js';
import { BASE, bytes, json, recorder, rejection } from '@spark/test-utils';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_URL = 'https://entitystore.test.coherent.global/docstore/api/v1/documents/versions/tokens/abc/file.xlsx';
const answer = () => json({ status: null, response_data: { download_url: FILE_URL }, response_meta: {}, error: null });
const workbook = () => bytes(new Uint8Array([0x50, 0x4b, 3, 4]), XLSX, { 'content-disposition': 'attachment; filename="cyl.xlsx"' });

describe('rehydrateLog', () => {
  it('POSTs {} to download/xml/{callId}, then GETs the download_url', async () => {
    const { spark, calls } = recorder(answer(), workbook());
    await rehydrateLog(spark, 'my folder/svc', { callId: 'c-1' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${BASE}/api/v3/folders/my%20folder/services/svc/download/xml/c-1`, `GET ${FILE_URL}`,
    ]);
    expect(calls[0]!.body).toBe('{}');
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    // The download_url is on another host (a tokenised entitystore URL): no credentials travel there.
    expect(calls[0]!.headers['x-synthetic-key']).toBe('k');
    expect(calls[1]!.headers['x-synthetic-key']).toBeUndefined();
  });

  it('adds ?index=N (including 0), accepts the object locator, and POSTs {} to download/{callId} when legacy (both official SDKs moved it from GET)', async () => {
    const { spark, calls } = recorder(answer(), workbook(), answer(), workbook());
    await rehydrateLog(spark, { folder: 'f', service: 's' }, { callId: 'c', index: 0 });
    await rehydrateLog(spark, 'f/s', { callId: 'c', index: 2, legacy: true });
    expect(`${calls[0]!.method} ${calls[0]!.url}`).toBe(`POST ${BASE}/api/v3/folders/f/services/s/download/xml/c?index=0`);
    expect(`${calls[2]!.method} ${calls[2]!.url}`).toBe(`POST ${BASE}/api/v3/folders/f/services/s/download/c?index=2`);
    expect(calls[2]!.body).toBe('{}');
    expect(calls[2]!.headers['content-type']).toBe('application/json');
  });

  it('returns the workbook as a SparkDownload, with the download_url document Spark answered', async () => {
    const download = await rehydrateLog(recorder(answer(), workbook()).spark, 'f/s', { callId: 'c' });
    expect(download.document).toEqual({ status: null, response_data: { download_url: FILE_URL }, response_meta: {}, error: null });
    expect(download.contentType).toBe(XLSX);
    expect(download.fileName).toBe('cyl.xlsx');
    expect(await download.bytes()).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
  });

  it('maps 404 and a missing download_url to SparkApiErrors', async () => {
    expect(await rejection(rehydrateLog(recorder(json({}, 404)).spark, 'f/s', { callId: 'c' }))).toBeInstanceOf(SparkNotFoundError);
    const { spark, calls } = recorder(json({ status: null, response_data: {}, error: null }));
    const error = await rejection(rehydrateLog(spark, 'f/s', { callId: 'c' }));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('no download URL');
    expect(calls).toHaveLength(1);
  });

  it('rejects a missing callId, a bad index or a non folder/service locator before sending', async () => {
    const { spark, calls } = recorder(answer());
    const missing = await rejection(rehydrateLog(spark, 'f/s', {} as never));
    expect(missing).toBeInstanceOf(SparkSdkError);
    expect(missing.message).toContain('"callId" is required');
    expect(await rejection(rehydrateLog(spark, 'f/s', { callId: 'c', index: -1 }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(rehydrateLog(spark, 'version/123', { callId: 'c' }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(rehydrateLog(spark, 'nope', { callId: 'c' }))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});
