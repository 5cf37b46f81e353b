import { describe, expect, test } from 'vitest';
import { rejection } from '../../test/server.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { toDownload } from './download.js';

const response = (disposition?: string) => ({
  status: 200,
  headers: new Headers({ 'content-type': 'application/zip', ...(disposition ? { 'content-disposition': disposition } : {}) }),
  data: new Response(new Uint8Array([1, 2, 3])).body!,
  requestId: 'r',
  url: 'u',
});

describe('toDownload', () => {
  test.each([
    ['attachment; filename="model v1.xlsx"', 'model v1.xlsx'],
    ["attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.xlsx", 'résumé.xlsx'],
    ['attachment; filename=plain.zip', 'plain.zip'],
    ["attachment; filename*=UTF-8''100%zz.xlsx", '100%zz.xlsx'],
    ["attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys", undefined],
    ['attachment; filename="..\\..\\Windows\\evil.dll"', undefined],
    ['attachment; filename="reports/q1.xlsx"', undefined],
    ['attachment; filename="/etc/"', undefined],
    ['attachment; filename="C:evil.dll"', undefined],
    ['attachment; filename=".."', undefined],
    ["attachment; filename*=UTF-8''a%0D%0Ab.xlsx", 'ab.xlsx'],
    [undefined, undefined],
  ])('file name from %s', (disposition, fileName) => {
    expect(toDownload(response(disposition)).fileName).toBe(fileName);
  });

  test('bytes() and contentType', async () => {
    const download = toDownload(response());
    expect(download.contentType).toBe('application/zip');
    expect([...(await download.bytes())]).toEqual([1, 2, 3]);
  });

  test('toFile() without a writer (browser build)', async () => {
    const error = await rejection(toDownload(response()).toFile('/tmp/x'));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('toFile() is only available in Node; use bytes() or stream');
  });
});
