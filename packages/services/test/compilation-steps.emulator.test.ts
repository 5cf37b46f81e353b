import { describe, expect, it } from 'vitest';
import { createClient, SparkSdkError } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { getCompilationStatus, initiateCompilation, publishService, serviceExists, services } from '../src/index.js';

const WORKBOOK = new Uint8Array([0x50, 0x4b, 3, 4]);
const emu = withEmulator();
const client = () => createClient({ baseUrl: emu.baseUrl, apiKey: 'test-api-key', maxRetries: 0 });


describe('compilation step by step', () => {
  it('initiate uploads without polling; getStatus checks once; the upload then publishes', async () => {
    using spark = client();
    const before = emu.requests.length;
    const job = await initiateCompilation(spark, { folder: 'steps', service: 'pricing', file: WORKBOOK });
    expect(job.jobId).toBe(job.upload.response_data.nodegen_compilation_jobid);
    expect(emu.requests.slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['POST /my-tenant/api/v3/folders/steps/services/pricing/upload']);

    const api = spark.use(services);
    let status = await api.services.compilation.getStatus('steps/pricing', { jobId: job.jobId });
    for (let i = 0; status.response_data.progress < 100 && i < 20; i++) status = await getCompilationStatus(spark, 'steps/pricing', { jobId: job.jobId });
    expect(status.response_data).toMatchObject({ status: 'Success', progress: 100 });
    const progressPath = `/my-tenant/api/v3/folders/steps/services/pricing/getcompilationprogess/${job.jobId}`;
    expect(emu.requests.slice(before).filter((r) => r.path === progressPath).length).toBeGreaterThanOrEqual(1);

    await publishService(spark, {
      folder: 'steps', service: 'pricing', fileId: job.upload.response_data.original_file_documentid, engineId: job.upload.response_data.engine_file_documentid,
    });
    expect(await serviceExists(spark, 'steps/pricing')).toBe(true);
  });

  it('getStatus reports a failed compilation as Spark answered it (the waiting compile rejects instead)', async () => {
    using spark = client();
    const job = await initiateCompilation(spark, { folder: 'steps', service: 'broken', file: WORKBOOK });
    emu.faults.add({
      match: /\/getcompilationprogess\//,
      body: { status: 'Success', error: null, response_data: { status: 'Fail', last_error_message: 'Circular reference', progress: 100 } },
      count: 1,
    });
    const status = await getCompilationStatus(spark, { folder: 'steps', service: 'broken' }, { jobId: job.jobId });
    emu.faults.clear();
    expect(status.response_data).toMatchObject({ status: 'Fail', last_error_message: 'Circular reference' });
  });

  it('rejects a missing job id, a bad locator or a bad file before sending', async () => {
    using spark = client();
    const before = emu.stats().requests;
    await expect(getCompilationStatus(spark, 'steps/pricing', {} as never)).rejects.toThrow(/services\.compilation\.getStatus: "jobId"/);
    await expect(getCompilationStatus(spark, 'version/abc', { jobId: 'j' })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(initiateCompilation(spark, { folder: 'f', service: 's', file: 42 as never })).rejects.toThrow(/services\.compilation\.initiate: "file" must be/);
    expect(emu.stats().requests).toBe(before);
  });
});
