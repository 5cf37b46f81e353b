import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { KEY, call, get, post } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  // These tests drive folders and categories with the API key: they opt in (Spark wants a bearer).
  emu = await startEmulator({ apiKeysForFolders: true });
});
afterAll(() => emu.close());

const v1 = (p: string) => `${emu.url}/api/v1${p}`;
const v3 = (p: string) => `${emu.baseUrl}/api/v3${p}`;

function multipart(fields: Record<string, string>, files: Record<string, { name: string; type: string; data: Uint8Array }> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(k, new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  return form;
}

describe('platform config and categories', () => {
  it('returns a flat string map', async () => {
    const r = await get(v1('/config/GetSparkConfiguration'));
    expect(r.body.status).toBe('Success');
    expect(Object.values(r.body.data).every((v) => typeof v === 'string')).toBe(true);
    expect(r.body.data.Batch_Chunk_Size).toBe('100');
  });

  it('lists, saves and deletes categories', async () => {
    const list = await get(v1('/lookup/getcategories'));
    expect(list.body.data).toContainEqual({ key: 'Other', value: 'Other', icon: 'other.svg' });
    const saved = await post(v1('/lookup/savecategory'), { value: 'Demo', key: 'demo', icon: 'demo.svg' });
    expect(saved.body.data['Metadata.ProductCategories']).toContainEqual({ Key: 'demo', Value: 'Demo', Icon: 'demo.svg' });
    const del = await call('DELETE', v1('/lookup/deletecategory/demo'), null);
    expect(del.body.data['Metadata.ProductCategories'].some((c: { Key: string }) => c.Key === 'demo')).toBe(false);
  });
});

describe('folders', () => {
  it('creates with urlencoded and multipart bodies, reports duplicates with HTTP 200', async () => {
    const form = new URLSearchParams({ Name: 'pricing', Description: 'd', Category: 'Term', Status: 'Design' });
    const a = await fetch(v1('/product/create'), { method: 'POST', headers: { ...KEY, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const created = await a.json();
    expect(created.status).toBe('Success');
    expect(created.data.folderId).toMatch(/^[0-9a-f-]{36}$/);
    const details = await get(created.data.get_product_url);
    expect(details.body.data).toMatchObject({ name: 'pricing', category: 'Term', status: 'Design', description: 'd' });
    expect(details.body.data.calculationEngines).toMatchObject({ count: 0, data: [] });
    const b = await fetch(v1('/product/create'), { method: 'POST', headers: KEY, body: multipart({ Name: 'claims', Category: 'Other' }) });
    expect((await b.json()).status).toBe('Success');
    const dup = await fetch(v1('/product/create'), { method: 'POST', headers: KEY, body: multipart({ Name: 'pricing' }) });
    expect(dup.status).toBe(200);
    expect(await dup.json()).toMatchObject({ status: 'Error', errorCode: 'PRODUCT_ALREADY_EXISTS', data: null });
  });

  it('finds with pagination, updates, checks existence and deletes', async () => {
    for (const n of ['zz-1', 'zz-2', 'zz-3']) await fetch(v1('/product/create'), { method: 'POST', headers: KEY, body: multipart({ Name: n }) });
    const page = await post(v1('/product/list'), { search: [{ field: 'name', value: 'zz-' }], page: 2, pageSize: 2, sort: 'name' });
    expect(page.body.count).toBe(3);
    expect(page.body.data.map((f: { name: string }) => f.name)).toEqual(['zz-3']);
    expect(page.body.previous).toBe(1);
    expect(page.body.next).toBeNull();
    const id = page.body.data[0].id;
    expect((await post(v1(`/product/update/${id}`), { description: 'new', shouldTrackUserAction: true })).body).toEqual({ status: 'Success', message: null, errorCode: null, data: null });
    expect((await post(v1('/product/isproductexists/zz-3'), null)).body.data).toBe(true);
    // Renaming onto another folder's name is refused (as a duplicate create); nothing merges.
    const clash = await post(v1(`/product/update/${id}`), { name: 'zz-1' });
    expect([clash.status, clash.body.errorCode]).toEqual([200, 'PRODUCT_ALREADY_EXISTS']);
    expect((await post(v1('/product/isproductexists/zz-3'), null)).body.data).toBe(true);
    expect((await call('DELETE', v1(`/product/delete/${id}`), null)).body.status).toBe('Success');
    expect((await post(v1('/product/isproductexists/zz-3'), null)).body.data).toBe(false);
  });
});

describe('services lifecycle', () => {
  const xlsx = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
  it('uploads, compiles over a couple of polls, publishes, and runs the workbook model', async () => {
    const entity = JSON.stringify({ request_data: { version_difference: 'minor', effective_start_date: '2025-01-01T00:00:00Z', effective_end_date: '2035-01-01T00:00:00Z' } });
    const up = await fetch(v3('/folders/claims/services/calc/upload'), { method: 'POST', headers: KEY, body: multipart({ engineUploadRequestEntity: entity }, { serviceFile: { name: 'calc.xlsx', type: 'application/octet-stream', data: xlsx } }) });
    const upload = await up.json();
    expect(upload.status).toBe('Success');
    const { nodegen_compilation_jobid: jobId, original_file_documentid, engine_file_documentid } = upload.response_data;
    const progress: number[] = [];
    for (let i = 0; i < 3; i++) progress.push((await get(v3(`/folders/claims/services/calc/getcompilationprogess/${jobId}`))).body.response_data.progress);
    expect(progress).toEqual([50, 100, 100]);
    const pub = await post(v3('/folders/claims/services/calc/publish'), {
      request_data: { draft_service_name: 'calc', original_file_documentid, engine_file_documentid, version_difference: 'minor', should_trck_user_action: 'true', version_label: 'rc1' },
    });
    expect(pub.body.status).toBe('Success');
    const versionId = pub.body.response_data.version_id;
    expect(versionId).toBe(upload.response_meta.version_id);
    const exec = await post(v3(`/version/${versionId}`), { request_data: { inputs: { a: 2, b: '3', c: 'x' } } });
    expect(exec.body.response_data.outputs).toEqual({ sum: 5, echo: { a: 2, b: '3', c: 'x' } });
    const dl = await fetch(v1(`/product/claims/engines/calc/download/${versionId}?filename=&type=`), { headers: KEY });
    expect(dl.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(xlsx);
  });

  it('lists versions newest first, recompiles with a pollable job, reports existence', async () => {
    const rc = await post(v3('/folders/my-folder/services/volume-cylinder/recompileNodgen'), { request_data: { upgradeType: 'patch', versionLabel: 'recompiled' } });
    expect(rc.body.response_data.revision).toBe('0.1.1');
    const poll1 = await get(v3(`/folders/my-folder/services/volume-cylinder/getcompilationprogess/${rc.body.response_data.jobId}`));
    const poll2 = await get(v3(`/folders/my-folder/services/volume-cylinder/getcompilationprogess/${rc.body.response_data.jobId}`));
    expect([poll1.body.response_data.progress, poll2.body.response_data.progress, poll2.body.response_data.status]).toEqual([50, 100, 'Success']);
    const versions = await get(v1('/product/my-folder/engines/getversions/volume-cylinder'));
    expect(versions.body.data.map((v: { revision: string }) => v.revision)).toEqual(['0.1.1', '0.1.0']);
    expect(versions.body.data[0]).toMatchObject({ engine: 'volume-cylinder', product: 'my-folder', isActive: true, versionLabel: 'recompiled' });
    expect((await get(v3('/folders/my-folder/services/volume-cylinder/exists'))).body.response_data).toEqual({ is_exists: true });
    expect((await get(v3('/folders/my-folder/services/nope/exists'))).body.response_data).toEqual({ is_exists: false });
  });

  it('serves schema (by name and version id), swagger, metadata and validation', async () => {
    const schema = await get(v1('/product/my-folder/engines/get/volume-cylinder'));
    expect(schema.body.success).toBe(true);
    expect(schema.body.inputMetadata.single).toEqual(['height', 'radius']);
    expect(schema.body.outputMetadata.single).toEqual(['volume']);
    expect(schema.body.xlInputs.map((x: { name: string }) => x.name)).toEqual(['height', 'radius']);
    const byId = await post(v3(`/GetEngineDetailByVersionId/versionid/${schema.body.engineID}`), null);
    expect(byId.body.bookSummary.versionId).toBe(schema.body.engineID);
    const sw = await get(v3('/folders/my-folder/services/volume-cylinder/downloadswagger/All/False/'));
    expect(sw.body.swagger).toBe('2.0');
    expect(Object.keys(sw.body.paths)).toContain('/{tenant}/api/v3/folders/{product}/services/{engine}/execute');
    const md = await get(v3('/public/folders/my-folder/services/volume-cylinder/metadata'), {});
    expect(md.body.response_data.outputs).toEqual({ 'Metadata.Shape': 'cylinder' });
    const val = await post(v3('/folders/my-folder/services/loan-payment/validation'), { request_data: { inputs: {} }, request_meta: { validation_type: 'dynamic' } });
    expect(val.body.response_data.outputs.years).toMatchObject({ validation_type: 'dynamic', options: [10, 15, 20, 25, 30], default_value: 30 });
    const stat = await post(v3('/folders/my-folder/services/volume-cylinder/validation'), { request_data: { inputs: {} }, request_meta: { validation_type: 'default_values' } });
    expect(Object.keys(stat.body.response_data.outputs.radius).sort()).toEqual(
      ['validation_allow', 'validation_type', 'dependent_inputs', 'min', 'max', 'options', 'ignore_blank', 'input_message_title', 'input_message', 'error_style', 'error_title', 'error_message', 'default_value'].sort(),
    );
  });

  it('searches with page/page_size and pagination meta', async () => {
    const r = await post(v3('/services/search'), { request_data: { page: 2, page_size: 2, sort: 'name1_co', search: [], fields: ['id'] } });
    expect(r.body.status).toBe('Success');
    expect(r.body.response_data).toHaveLength(2);
    expect(r.body.response_meta).toMatchObject({ page: 2, page_size: 2, previous: 1 });
    expect(r.body.response_meta.count).toBeGreaterThanOrEqual(6);
    expect(r.body.response_meta.page_total).toBe(Math.ceil(r.body.response_meta.count / 2));
    const one = await post(v3('/services/search'), { request_data: { page: 1, page_size: -1, search: [{ field: 'name', value: 'loan' }] } });
    expect(one.body.response_data.map((s: { serviceName: string }) => s.serviceName)).toEqual(['loan-payment']);
  });

  it('lists services in a folder and deletes a service', async () => {
    const list = await post(v1('/product/my-folder/engines'), { page: 1, pageSize: 100, search: [], sort: 'name1' });
    expect(list.body.data.map((s: { serviceName: string }) => s.serviceName)).toContain('sum');
    expect((await call('DELETE', v1('/product/my-folder/engines/delete/sum'), null)).body.status).toBe('Success');
    expect((await post(v3('/folders/my-folder/services/sum/execute'), {})).status).toBe(404);
  });
});
