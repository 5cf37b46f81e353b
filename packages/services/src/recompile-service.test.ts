import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkSdkError, SparkTimeoutError, SparkUnauthorizedError } from '@spark/core';
import { recompileService } from './recompile-service.js';
import { json, recorder, testClient, v3, type RecordedCall } from '@spark/test-utils';

const ACCEPTED = v3({ versionId: 'new-v', revision: '0.3.2', jobId: 'job 1' });
const progress = (value: number, status = 'InProgress', last_error_message: string | null = 'null') => json(v3({ status, last_error_message, progress: value }));

describe('recompileService', () => {
  it('posts the PY body with the Postman label key, then polls until Success', async () => {
    const rec = recorder(json(ACCEPTED), progress(10), progress(60), progress(100, 'Success'));
    const seen: number[] = [];
    const result = await recompileService(testClient(rec.fetch), 'my folder/s', {
      startDate: '2025-01-01', pollInterval: 1, onProgress: (p) => seen.push(p.response_data.progress),
    });
    const [post, ...polls] = rec.calls as [RecordedCall, ...RecordedCall[]];
    expect(post.method).toBe('POST');
    expect(post.path).toBe('/my-tenant/api/v3/folders/my%20folder/services/s/recompileNodgen');
    expect(post.json).toEqual({
      request_data: {
        versionId: null, upgradeType: 'patch', neuronCompilerVersion: 'StableLatest', releaseNotes: 'Recompiled via Spark TypeScript SDK',
        versionLabel: null, effectiveStartDate: '2025-01-01T00:00:00.000Z', effectiveEndDate: '2035-01-01T00:00:00.000Z', tags: null,
      },
    });
    expect(polls.map((c) => `${c.method} ${c.path}`)).toEqual(Array(3).fill('GET /my-tenant/api/v3/folders/my%20folder/services/s/getcompilationprogess/job%201'));
    expect(seen).toEqual([10, 60, 100]);
    expect(result.recompilation).toEqual(ACCEPTED);
    expect(result.compilation?.response_data.status).toBe('Success');
  });

  it('maps every option', async () => {
    const rec = recorder(json(ACCEPTED));
    await recompileService(testClient(rec.fetch), { folder: 'f', service: 's', versionId: 'uri-v' }, {
      compiler: 'Neuron_v1.13.0', releaseNotes: 'notes', label: 'L1', startDate: Date.UTC(2025, 0, 1), endDate: new Date('2026-01-01T00:00:00Z'),
      upgrade: 'major', tags: ['a', 'b'], wait: false, extras: { defaultEngineType: 'Neuron' },
    });
    expect(rec.calls).toHaveLength(1);
    expect(rec.last.json).toEqual({
      request_data: {
        versionId: 'uri-v', upgradeType: 'major', neuronCompilerVersion: 'Neuron_v1.13.0', releaseNotes: 'notes', versionLabel: 'L1',
        effectiveStartDate: '2025-01-01T00:00:00.000Z', effectiveEndDate: '2026-01-01T00:00:00.000Z', tags: 'a,b', defaultEngineType: 'Neuron',
      },
    });
    await recompileService(testClient(rec.fetch), 'f/s', { versionId: 'opt-v', wait: false });
    expect(rec.last.json).toMatchObject({ request_data: { versionId: 'opt-v' } });
  });

  it('returns without polling when wait is false', async () => {
    const rec = recorder(json(ACCEPTED));
    const result = await recompileService(testClient(rec.fetch), 'f/s', { wait: false });
    expect(result).toEqual({ recompilation: ACCEPTED });
    expect(rec.calls).toHaveLength(1);
  });

  it('reports a failed compilation as a failure naming status and message', async () => {
    const rec = recorder(json(ACCEPTED), progress(100, 'Fail', 'formula #REF! in Sheet1'));
    const error = await recompileService(testClient(rec.fetch), 'f/s', { pollInterval: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error).not.toBeInstanceOf(SparkTimeoutError);
    expect((error as Error).message).toMatch(/status "Fail".*formula #REF! in Sheet1/);
  });

  it('reports an early failure status without waiting for 100 %', async () => {
    const rec = recorder(json(ACCEPTED), progress(40, 'Failed'));
    await expect(recompileService(testClient(rec.fetch), 'f/s', { pollInterval: 1 })).rejects.toThrow(/status "Failed"/);
    expect(rec.calls).toHaveLength(2);
  });

  it('times out when the job never finishes', async () => {
    const rec = recorder(json(ACCEPTED), progress(50));
    await expect(recompileService(testClient(rec.fetch), 'f/s', { pollInterval: 5, timeout: 30 })).rejects.toBeInstanceOf(SparkTimeoutError);
  });

  it('raises when Spark returns no job id, or an error', async () => {
    await expect(recompileService(testClient(recorder(json(v3({ versionId: 'x' }))).fetch), 'f/s')).rejects.toThrow(/job id/);
    await expect(recompileService(testClient(recorder(json({}, 401)).fetch), 'f/s')).rejects.toBeInstanceOf(SparkUnauthorizedError);
  });

  it.each([
    ['an id locator', 'version/v1', {}],
    ['a bad upgrade', 'f/s', { upgrade: 'huge' }],
    ['an end before the start', 'f/s', { startDate: '2025-02-01', endDate: '2025-01-01' }],
    ['a bad date', 'f/s', { startDate: 'soon' }],
    ['a bad wait flag', 'f/s', { wait: 'no' }],
  ])('rejects %s before sending', async (_label, uri, params) => {
    const rec = recorder();
    await expect(recompileService(testClient(rec.fetch), uri, params as never)).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
