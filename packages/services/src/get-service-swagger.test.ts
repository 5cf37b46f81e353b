import { describe, expect, it } from 'vitest';
import { SparkNotFoundError, SparkSdkError } from '@spark/core';
import { getServiceSwagger } from './get-service-swagger.js';
import { json, recorder, testClient } from '@spark/test-utils';

const DOC = { swagger: '2.0', info: { title: 's' }, paths: { '/execute': {} } };

describe('getServiceSwagger', () => {
  it('GETs the latest version for all subservices as JSON, keeping the trailing slash both official SDKs send', async () => {
    const rec = recorder(json(DOC));
    const doc = await getServiceSwagger(testClient(rec.fetch), 'f/s');
    expect(rec.last.method).toBe('GET');
    expect(rec.last.path).toBe('/my-tenant/api/v3/folders/f/services/s/downloadswagger/All/false/');
    expect(doc).toEqual(DOC);
  });

  it.each([
    [{ versionId: 'v1' }, 'f/s', '/downloadswagger/All/false/v1'],
    [{}, { folder: 'f', service: 's', versionId: 'v2' }, '/downloadswagger/All/false/v2'],
    [{ subservice: ['a', 'b c'] }, 'f/s', '/downloadswagger/a,b%20c/false/'],
    [{ subservice: 'calc' }, 'f/s', '/downloadswagger/calc/false/'],
  ] as const)('builds the path for %j', async (params, uri, tail) => {
    const rec = recorder(json(DOC));
    await getServiceSwagger(testClient(rec.fetch), uri, params);
    expect(rec.last.path).toBe(`/my-tenant/api/v3/folders/f/services/s${tail}`);
  });

  it('returns a SparkDownload when downloadable', async () => {
    const rec = recorder(new Response('{"swagger":"2.0"}', { headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="s.json"' } }));
    const file = await getServiceSwagger(testClient(rec.fetch), 'f/s', { downloadable: true, versionId: 'v1' });
    expect(rec.last.path).toBe('/my-tenant/api/v3/folders/f/services/s/downloadswagger/All/true/v1');
    expect(file.fileName).toBe('s.json');
    expect(new TextDecoder().decode(await file.bytes())).toBe('{"swagger":"2.0"}');
  });

  it('maps a 404 to SparkNotFoundError', async () => {
    await expect(getServiceSwagger(testClient(recorder(json({}, 404)).fetch), 'f/s')).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects bad parameters before sending', async () => {
    const rec = recorder();
    await expect(getServiceSwagger(testClient(rec.fetch), 'version/v1')).rejects.toThrow(SparkSdkError);
    await expect(getServiceSwagger(testClient(rec.fetch), 'f/s', { downloadable: 'yes' as never })).rejects.toThrow(/downloadable/);
    await expect(getServiceSwagger(testClient(rec.fetch), 'f/s', { subservice: [''] })).rejects.toThrow(/subservice/);
    expect(rec.calls).toHaveLength(0);
  });
});
