import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SparkNotFoundError, SparkSdkError } from '@spark/core';
import { downloadService } from './download-service.js';
import { json, recorder, testClient } from '@spark/test-utils';

const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
const reply = new Response(XLSX, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="s.xlsx"' } });

describe('downloadService', () => {
  it('GETs the latest workbook from the origin with both query parameters present', async () => {
    const rec = recorder(reply);
    const file = await downloadService(testClient(rec.fetch), 'my folder/s');
    expect(rec.last.method).toBe('GET');
    expect(rec.last.url).toBe('https://excel.test.coherent.global/api/v1/product/my%20folder/engines/s/download/?filename=&type=');
    expect(file.fileName).toBe('s.xlsx');
    expect(file.contentType).toContain('spreadsheetml');
    expect(await file.bytes()).toEqual(XLSX);
  });

  it.each([
    ['f/s', { versionId: 'v1', fileName: 'my copy.xlsx', type: 'configured' }, '/download/v1?filename=my%20copy.xlsx&type=withmetadata'],
    [{ folder: 'f', service: 's', versionId: 'v2' }, { type: 'original' }, '/download/v2?filename=&type='],
  ] as const)('maps %j %j', async (uri, params, tail) => {
    const rec = recorder(reply);
    await downloadService(testClient(rec.fetch), uri, params);
    expect(rec.last.url).toBe(`https://excel.test.coherent.global/api/v1/product/f/engines/s${tail}`);
  });

  it('saves to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spark-dl-'));
    try {
      const file = await downloadService(testClient(recorder(reply).fetch), 'f/s');
      expect(await file.toFile(join(dir, 'out.xlsx'))).toBe(XLSX.byteLength);
      expect(new Uint8Array(await readFile(join(dir, 'out.xlsx')))).toEqual(XLSX);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('maps a 404 to SparkNotFoundError', async () => {
    await expect(downloadService(testClient(recorder(json({}, 404)).fetch), 'f/s')).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects bad parameters before sending', async () => {
    const rec = recorder();
    await expect(downloadService(testClient(rec.fetch), 'f/s', { type: 'pdf' as never })).rejects.toThrow(/type/);
    await expect(downloadService(testClient(rec.fetch), 'service/abc')).rejects.toThrow(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
