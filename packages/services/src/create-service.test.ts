import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkConflictError, SparkSdkError, SparkTimeoutError } from '@spark/core';
import { compileService } from './compile-service.js';
import { createService } from './create-service.js';
import { publishService } from './publish-service.js';
import { json, recorder, testClient, v3, type RecordedCall } from '@spark/test-utils';

const FILE = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);
const UPLOADED = v3({ nodegen_compilation_jobid: 'job-1', original_file_documentid: 'file-1', engine_file_documentid: 'engine-1', no_of_inputs: 2 });
const progressBody = (value: number, status = 'InProgress', last_error_message = 'null') => v3({ status, last_error_message, progress: value });
const progress = (...args: Parameters<typeof progressBody>) => json(progressBody(...args));
const PUBLISHED = v3({ version_id: 'v-new' });
const base = { folder: 'my folder', service: 'vol', file: FILE, pollInterval: 1 };

describe('createService', () => {
  it('uploads (multipart), polls the compilation, then publishes with should_trck_user_action', async () => {
    const rec = recorder(json(UPLOADED), progress(50), progress(100, 'Success'), json(PUBLISHED));
    const result = await createService(testClient(rec.fetch), {
      ...base, startDate: '2025-01-31', versioning: 'major', draftName: 'Volume', trackUser: true, label: 'v1', releaseNotes: 'first', tags: ['a', 'b'],
    });
    const [upload, poll1, poll2, publish] = rec.calls as [RecordedCall, RecordedCall, RecordedCall, RecordedCall];
    expect(rec.calls).toHaveLength(4);

    expect(upload.method).toBe('POST');
    expect(upload.path).toBe('/my-tenant/api/v3/folders/my%20folder/services/vol/upload');
    expect(upload.headers['content-type']).toBeUndefined(); // fetch sets the multipart boundary itself
    expect(JSON.parse(upload.form!.get('engineUploadRequestEntity') as string)).toEqual({
      request_data: { effective_start_date: '2025-01-31T00:00:00.000Z', effective_end_date: '2035-01-31T00:00:00.000Z', version_difference: 'major' },
    });
    const part = upload.form!.get('serviceFile') as File;
    expect(part.name).toBe('vol.xlsx');
    expect(part.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(FILE);

    for (const poll of [poll1, poll2]) expect(`${poll.method} ${poll.path}`).toBe('GET /my-tenant/api/v3/folders/my%20folder/services/vol/getcompilationprogess/job-1');

    expect(publish.path).toBe('/my-tenant/api/v3/folders/my%20folder/services/vol/publish');
    expect(publish.json).toEqual({
      request_data: {
        draft_service_name: 'Volume', effective_start_date: '2025-01-31T00:00:00.000Z', effective_end_date: '2035-01-31T00:00:00.000Z',
        original_file_documentid: 'file-1', engine_file_documentid: 'engine-1', version_difference: 'major',
        should_trck_user_action: true, version_label: 'v1', release_note: 'first', tags: 'a,b',
      },
    });
    expect(result).toEqual({ upload: UPLOADED, compilation: progressBody(100, 'Success'), publication: PUBLISHED });
  });

  it('uses the same effective dates for upload and publication, and PY defaults', async () => {
    const rec = recorder(json(UPLOADED), progress(100, 'Success'), json(PUBLISHED));
    await createService(testClient(rec.fetch), { ...base, file: new Blob([FILE]), fileName: 'model.xlsm', extras: { compiler_type: 'StableLatest' } });
    const upload = rec.calls[0]!;
    const entity = JSON.parse(upload.form!.get('engineUploadRequestEntity') as string).request_data;
    const published = (rec.calls[2]!.json as { request_data: Record<string, unknown> }).request_data;
    expect(entity.compiler_type).toBe('StableLatest');
    expect(published['effective_start_date']).toBe(entity.effective_start_date);
    expect(published['effective_end_date']).toBe(entity.effective_end_date);
    expect(published).toMatchObject({
      draft_service_name: 'vol', version_difference: 'minor', should_trck_user_action: false, version_label: null, release_note: null, tags: null, compiler_type: 'StableLatest',
    });
    expect((upload.form!.get('serviceFile') as File).name).toBe('model.xlsm');
    expect((upload.form!.get('serviceFile') as File).type).toBe('application/vnd.ms-excel.sheet.macroenabled.12');
  });

  it('accepts a ReadableStream file', async () => {
    const rec = recorder(json(UPLOADED), progress(100, 'Success'), json(PUBLISHED));
    await createService(testClient(rec.fetch), { ...base, file: new Blob([FILE]).stream() });
    expect(new Uint8Array(await (rec.calls[0]!.form!.get('serviceFile') as File).arrayBuffer())).toEqual(FILE);
  });

  it('reports a failed compilation as such and publishes nothing', async () => {
    const rec = recorder(json(UPLOADED), progress(100, 'Fail', 'unsupported function XLOOKUP'), json(PUBLISHED));
    const error = await createService(testClient(rec.fetch), base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error).not.toBeInstanceOf(SparkTimeoutError);
    expect((error as Error).message).toMatch(/services\.create.*job-1.*"Fail".*XLOOKUP/);
    expect(rec.calls.map((c) => c.method)).toEqual(['POST', 'GET']);
  });

  it('maps HTTP errors and failure envelopes', async () => {
    await expect(createService(testClient(recorder(json({}, 409)).fetch), base)).rejects.toBeInstanceOf(SparkConflictError);
    const refused = recorder(json({ status: 'Error', response_data: null, error: { message: 'bad workbook' } }));
    await expect(createService(testClient(refused.fetch), base)).rejects.toThrow(/bad workbook/);
    expect(refused.calls).toHaveLength(1);
  });

  it.each([
    ['no folder', { ...base, folder: '' }, /folder/],
    ['a string file', { ...base, file: 'model.xlsx' }, /file/],
    ['a bad versioning', { ...base, versioning: 'huge' }, /versioning/],
    ['an end before the start', { ...base, startDate: '2030-01-01', endDate: '2029-01-01' }, /endDate/],
    ['a bad trackUser', { ...base, trackUser: 'yes' }, /trackUser/],
  ])('rejects %s before sending', async (_label, params, message) => {
    const rec = recorder();
    const error = await createService(testClient(rec.fetch), params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(message);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('compileService', () => {
  it('uploads and polls without publishing', async () => {
    const rec = recorder(json(UPLOADED), progress(100, 'Success'));
    const result = await compileService(testClient(rec.fetch), base);
    expect(rec.calls.map((c) => c.path.split('/').slice(-2).join('/'))).toEqual(['vol/upload', 'getcompilationprogess/job-1']);
    expect(result).toEqual({ upload: UPLOADED, compilation: progressBody(100, 'Success') });
  });

  it('raises when the upload answer has no job id', async () => {
    const rec = recorder(json(v3({ original_file_documentid: 'f' })));
    await expect(compileService(testClient(rec.fetch), base)).rejects.toThrow(/compilation job id/);
  });

  it('rejects a bad pollInterval before sending', async () => {
    const rec = recorder();
    await expect(compileService(testClient(rec.fetch), { ...base, pollInterval: -1 })).rejects.toThrow(/pollInterval/);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('publishService', () => {
  it('posts the publication body and returns the envelope', async () => {
    const rec = recorder(json(PUBLISHED));
    const result = await publishService(testClient(rec.fetch), { folder: 'f', service: 's', fileId: 'a', engineId: 'b', startDate: '2025-01-01', endDate: '2026-01-01' });
    expect(rec.last.path).toBe('/my-tenant/api/v3/folders/f/services/s/publish');
    expect(rec.last.json).toEqual({
      request_data: {
        draft_service_name: 's', effective_start_date: '2025-01-01T00:00:00.000Z', effective_end_date: '2026-01-01T00:00:00.000Z',
        original_file_documentid: 'a', engine_file_documentid: 'b', version_difference: 'minor', should_trck_user_action: false,
        version_label: null, release_note: null, tags: null,
      },
    });
    expect(result.response_data.version_id).toBe('v-new');
  });

  it('rejects missing document ids before sending', async () => {
    const rec = recorder();
    await expect(publishService(testClient(rec.fetch), { folder: 'f', service: 's', fileId: '', engineId: 'b' })).rejects.toThrow(/fileId/);
    expect(rec.calls).toHaveLength(0);
  });
});
