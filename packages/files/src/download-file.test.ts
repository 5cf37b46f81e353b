import { describe, expect, it } from 'vitest';
import { SparkNotFoundError, SparkSdkError } from '@spark/core';
import { downloadFile } from './download-file.js';
import { files } from './plugin.js';
import { bytes, json, recorder, testClient } from '@spark/test-utils';

const URL_ = 'https://entitystore.test.coherent.global/docstore/api/v1/documents/abc/export.zip?token=t%2B1';

describe('downloadFile', () => {
  it('sends GET to the absolute URL with the SDK headers, and credentials only on the client\'s own origin', async () => {
    const rec = recorder(() => bytes('PK', 'application/zip', { 'content-disposition': 'attachment; filename="export.zip"' }));
    await downloadFile(testClient(rec.fetch), URL_);
    expect(rec.calls).toHaveLength(1);
    const call = rec.calls[0]!;
    expect(call.method).toBe('GET');
    expect(call.url).toBe(URL_);
    // entitystore is another origin than the client's (excel…): no credentials, no tenant name.
    expect(call.headers['x-synthetic-key']).toBeUndefined();
    expect(call.headers['x-tenant-name']).toBeUndefined();
    expect(call.headers['user-agent']).toMatch(/^Spark TypeScript SDK/);
    expect(call.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.body).toBeUndefined();
    const own = recorder(() => bytes('PK', 'application/zip'));
    const spark = testClient(own.fetch);
    await downloadFile(spark, `${spark.config.baseUrl.full}/files/export.zip`);
    expect(own.calls[0]!.headers['x-synthetic-key']).toBe('k');
    expect(own.calls[0]!.headers['x-tenant-name']).toBe('my-tenant');
  });

  it('omits credentials with auth: false', async () => {
    const rec = recorder(() => bytes('x'));
    await downloadFile(testClient(rec.fetch), new URL(URL_), { auth: false });
    expect(rec.calls[0]!.headers['x-synthetic-key']).toBeUndefined();
  });

  it('returns a SparkDownload', async () => {
    const rec = recorder(() => bytes(new Uint8Array([80, 75, 3, 4]), 'application/zip', { 'content-disposition': 'attachment; filename="export.zip"' }));
    const file = await downloadFile(testClient(rec.fetch), URL_);
    expect(file.contentType).toBe('application/zip');
    expect(file.fileName).toBe('export.zip');
    expect([...(await file.bytes())]).toEqual([80, 75, 3, 4]);
  });

  it('maps 404 to SparkNotFoundError', async () => {
    const rec = recorder(() => json({ message: 'expired' }, 404));
    await expect(downloadFile(testClient(rec.fetch), URL_)).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects a relative or empty URL before sending', async () => {
    const rec = recorder();
    const spark = testClient(rec.fetch);
    await expect(downloadFile(spark, 'api/v1/file.zip')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(downloadFile(spark, '')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(downloadFile(spark, 'ftp://host/file')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(downloadFile(spark, URL_, { auth: 'no' as never })).rejects.toThrow(/"auth" must be a boolean/);
    await expect(downloadFile(spark, URL_, { timeout: -5 })).rejects.toThrow(/"timeout"/);
    expect(rec.calls).toHaveLength(0);
  });

  it('a refused URL is shown without its signed query, and not kept as the cause', async () => {
    const rec = recorder();
    const error = (await downloadFile(testClient(rec.fetch), 'ftp://b.example/f.zip?X-Amz-Signature=secretsecret').catch((e: unknown) => e)) as SparkSdkError;
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('files.download: "url" must be an absolute http(s) URL (got "ftp://b.example/f.zip?…")');
    expect(error.cause).toBeUndefined();
    expect(rec.calls).toHaveLength(0);
  });

  it('is exposed as the files plugin', async () => {
    const rec = recorder(() => bytes('hello', 'text/plain'));
    const spark = testClient(rec.fetch).use(files);
    const file = await spark.files.download(URL_);
    expect(new TextDecoder().decode(await file.bytes())).toBe('hello');
  });
});
