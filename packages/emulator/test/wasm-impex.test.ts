import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type ServiceRecord } from '../src/index.js';
import { KEY, get, post, readSample, readSampleJson } from './helpers.js';

const ZIP = 'volume-cylinder.zip';
const INPUTS = 'volume-cylinder-inputs.v3-for-loop.json';
const SAMPLE_VERSION_ID = '91299a5d-9328-4435-911b-4e5f7783f5d4';
const round3 = (r: number, h: number) => Math.round(Math.PI * r * r * h * 1000) / 1000;

let emu: Emulator;
let wasm: ServiceRecord;
let innerZip: Uint8Array;
beforeAll(async () => {
  emu = await startEmulator();
  const outer = unzipSync(readSample(ZIP));
  const innerName = Object.keys(outer).find((n) => n.endsWith(`${SAMPLE_VERSION_ID}.zip`)) as string;
  innerZip = outer[innerName] as Uint8Array;
  wasm = await emu.loadWasmPackage('wasm-folder/volume-cylinder', innerZip);
}, 30_000);
afterAll(() => emu.close());

async function multipartPost(url: string, parts: Record<string, string | { name: string; data: Uint8Array }>): Promise<any> {
  const form = new FormData();
  for (const [k, v] of Object.entries(parts)) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, new Blob([new Uint8Array(v.data)], { type: 'application/zip' }), v.name);
  }
  const res = await fetch(url, { method: 'POST', headers: KEY, body: form });
  return { status: res.status, body: await res.json() };
}

describe('real WASM model', () => {
  it('runs the sample inputs through the wasm-runner with exact outputs', async () => {
    expect(wasm.kind).toBe('wasm');
    const records = readSampleJson<{ radius: number; height: number }[]>(INPUTS);
    for (const inputs of records) {
      const r = await post(`${emu.baseUrl}/api/v3/folders/wasm-folder/services/volume-cylinder/execute`, { request_data: { inputs } });
      expect(r.status).toBe(200);
      expect(r.body.response_data.outputs.volume).toBe(round3(inputs.radius, inputs.height));
      expect(r.body.response_meta.compiler_version).toBe('1.22.3');
    }
    const small = await post(`${emu.baseUrl}/api/v3/version/${wasm.versionId}`, { request_data: { inputs: { radius: 2, height: 3 } } });
    expect(small.body.response_data.outputs.volume).toBe(37.699);
    const v4 = await post(`${emu.baseUrl}/api/v4/execute`, { inputs: records.slice(0, 3), service: 'wasm-folder/volume-cylinder' });
    expect(v4.body.outputs).toEqual(records.slice(0, 3).map((i) => ({ volume: round3(i.radius, i.height) })));
  });

  it('downloads the real WASM package (any casing) and a generated one for JS models', async () => {
    const res = await fetch(`${emu.baseUrl}/api/v3/nodegen/getnodegenzipbyid/version/${wasm.versionId}`, { headers: KEY });
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(innerZip))).toBe(true);
    const js = await fetch(`${emu.baseUrl}/api/v3/nodegen/public/getnodegenzipbyId/folders/my-folder/services/volume-cylinder`, { headers: KEY });
    expect(Object.keys(unzipSync(new Uint8Array(await js.arrayBuffer())))).toContain('emulator-model.json');
  });

  it('imports the real export package through the import route', async () => {
    const entity = JSON.stringify({ inputs: { services_modify: [{ service_uri_source: 'my-folder/volume-cylinder', service_uri_destination: 'imported/cylinder', update_version_type: 'minor' }] }, services_existing: 'add_version' });
    const started = await multipartPost(`${emu.baseUrl}/api/v4/import`, { importRequestEntity: entity, file: { name: 'package.zip', data: readSample(ZIP) } });
    expect(started.body.object).toBe('import');
    const st = await get(started.body.status_url);
    expect(st.body.status).toBe('completed');
    expect(st.body.errors).toBeNull();
    expect(st.body.outputs.service_versions[0]).toMatchObject({ status: 'added', version_source: '0.1.0', version_id_source: SAMPLE_VERSION_ID, service_uri_destination: 'imported/cylinder[0.1.0]' });
    const r = await post(`${emu.baseUrl}/api/v3/folders/imported/services/cylinder/execute`, { request_data: { inputs: { radius: 5, height: 1 } } });
    expect(r.body.response_data.outputs.volume).toBe(78.54);
  }, 30_000);

  it('round-trips export → import with a real zip in the §6.11 layout', async () => {
    const exp = await post(`${emu.baseUrl}/api/v4/export`, { inputs: { services: ['wasm-folder/volume-cylinder', 'my-folder/loan-payment'] }, file_filter: 'migrate', version_filter: 'latest', source_system: 'test' });
    expect(exp.body.object).toBe('export');
    const st = await get(exp.body.status_url);
    expect(st.body.status).toBe('completed');
    expect(st.body.outputs.service_versions).toHaveLength(2);
    const fileUrl = st.body.outputs.files[0].file;
    const zipBytes = new Uint8Array(await (await fetch(fileUrl, { headers: KEY })).arrayBuffer());
    const entries = unzipSync(zipBytes);
    const names = Object.keys(entries);
    expect(names).toContain('my-tenant/manifest.json');
    expect(names).toContain(`my-tenant/wasm-folder/volume-cylinder/0.1.0/${wasm.versionId}.zip`);
    expect(names).toContain('my-tenant/wasm-folder/volume-cylinder/0.1.0/ModelMetaData.json');
    expect(names).toContain('my-tenant/my-folder/loan-payment/0.1.0/WASMMetaData.json');
    const manifest = JSON.parse(strFromU8(entries['my-tenant/manifest.json'] as Uint8Array));
    expect(manifest).toMatchObject({ object: 'export', id: exp.body.id, outputs: { files: null } });

    const entity = JSON.stringify({
      inputs: {
        services_modify: [
          { service_uri_source: 'wasm-folder/volume-cylinder', service_uri_destination: 'copy/cyl', update_version_type: 'minor' },
          { service_uri_source: 'my-folder/loan-payment', service_uri_destination: 'copy/loan', update_version_type: 'minor' },
        ],
      },
      services_existing: 'add_version',
    });
    const imp = await multipartPost(`${emu.baseUrl}/api/v4/import`, { importRequestEntity: entity, file: { name: 'package.zip', data: zipBytes } });
    const done = await get(imp.body.status_url);
    expect(done.body.status).toBe('completed');
    expect(done.body.outputs.services.map((s: { service_uri_destination: string }) => s.service_uri_destination).sort()).toEqual(['copy/cyl', 'copy/loan']);
    const cyl = await post(`${emu.baseUrl}/api/v3/folders/copy/services/cyl/execute`, { request_data: { inputs: { radius: 2, height: 3 } } });
    expect(cyl.body.response_data.outputs.volume).toBe(37.699);
    const loan = await post(`${emu.baseUrl}/api/v3/folders/copy/services/loan/execute`, { request_data: { inputs: { principal: 1200, annual_rate: 0, years: 10 } } });
    expect(loan.body.response_data.outputs).toEqual({ payment: 10, total_paid: 1200 });
    const describeExports = await get(`${emu.baseUrl}/api/v4/export/status`);
    expect(describeExports.body.recent_exports.some((e: { id: string }) => e.id === exp.body.id)).toBe(true);
  }, 30_000);

  it('publishes an uploaded package under the version id the upload announced', async () => {
    const entity = JSON.stringify({ request_data: { version_difference: 'minor' } });
    const up = await multipartPost(`${emu.baseUrl}/api/v3/folders/pub/services/cyl/upload`, { engineUploadRequestEntity: entity, serviceFile: { name: 'cyl.zip', data: readSample(ZIP) } });
    const announced = up.body.response_meta.version_id;
    const pub = await post(`${emu.baseUrl}/api/v3/folders/pub/services/cyl/publish`, { request_data: { engine_file_documentid: up.body.response_data.engine_file_documentid } });
    expect(pub.body.response_data.version_id).toBe(announced);
    const exec = await post(`${emu.baseUrl}/api/v3/version/${announced}`, { request_data: { inputs: { radius: 2, height: 3 } } });
    expect(exec.body.response_data.outputs.volume).toBe(37.699);
  }, 30_000);

  it('cancels an export that has not completed', async () => {
    const exp = await post(`${emu.baseUrl}/api/v4/export`, { inputs: { folders: ['my-folder'] } });
    const res = await fetch(`${emu.baseUrl}/api/v4/export/${exp.body.id}`, { method: 'PATCH', headers: { ...KEY, 'content-type': 'application/json' }, body: JSON.stringify({ export_status: 'cancelled' }) });
    expect((await res.json()).status).toBe('cancelled');
    expect((await post(`${emu.baseUrl}/api/v4/export`, { inputs: {} })).status).toBe(400);
  });
});

describe('hybrid runner API', () => {
  it('uploads a package, keeps its version id, executes, validates and reports status', async () => {
    const hyb = await startEmulator({ builtins: false, openAccess: true });
    try {
      expect((await get(`${hyb.url}/healthcheck`, {})).body).toEqual({ msg: 'ok' });
      expect((await get(`${hyb.url}/version`, {})).body).toHaveProperty('version');
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(innerZip)], { type: 'application/zip' }), `${SAMPLE_VERSION_ID}.zip`);
      const up = await (await fetch(`${hyb.url}/api/v3/upload`, { method: 'POST', body: form })).json();
      expect(up.response_data[0].tenant).toBe('my-tenant');
      const service = up.response_data[0].services[0];
      expect(service.EngineInformation.ServiceName).toBe('volume-cylinder');
      expect(service.XInputTable.map((i: Record<string, string>) => i['Input Name']).sort()).toEqual(['height', 'radius']);
      const id = service.VersionId;
      const exec = await post(`${hyb.baseUrl}/api/v3/version/${id}`, { request_data: { inputs: { radius: 2, height: 3 } } });
      expect(exec.body.response_data.outputs.volume).toBe(37.699);
      const val = await post(`${hyb.baseUrl}/api/v3/validation`, { request_data: { inputs: {} }, request_meta: { version_id: id, validation_type: 'default_values' } }, { 'content-type': 'application/json' });
      expect(val.body.response_data.outputs.radius.default_value).toBe(7);
      const md = await post(`${hyb.baseUrl}/api/v3/metadata`, { request_data: { inputs: null }, request_meta: { version_id: id } }, { 'content-type': 'application/json' });
      expect(md.body.status).toBe('Success');
      const st = await get(`${hyb.url}/status`, {});
      expect(st.body.models[0].total_model).toBe(1);
    } finally {
      await hyb.close();
    }
  }, 30_000);

  it('echoes the package metadata and keeps the VersionId when the same package is uploaded again', async () => {
    const hyb = await startEmulator({ builtins: false, openAccess: true });
    try {
      const upload = async () => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(readSample('volume-cylinder.zip'))], { type: 'application/zip' }), 'volume-cylinder.zip');
        return (await (await fetch(`${hyb.url}/api/v3/upload`, { method: 'POST', body: form })).json()).response_data[0].services[0];
      };
      const first = await upload();
      const sample = readSampleJson<Record<string, any>>('export-package/ModelMetaData.json');
      expect(first.XInputTable).toEqual(sample['XInputTable']);
      expect(first.XOutputTable).toEqual(sample['XOutputTable']);
      expect(first.EngineInformation.VersionLabel).toBe(sample['EngineInformation'].VersionLabel);
      const second = await upload();
      expect(second.VersionId).toBe(first.VersionId);
      expect((await get(`${hyb.url}/status`, {})).body.models[0].total_model).toBe(1);
      const exec = await post(`${hyb.baseUrl}/api/v3/version/${second.VersionId}`, { request_data: { inputs: { radius: 2, height: 3 } } });
      expect(exec.body.response_data.outputs.volume).toBe(37.699);
    } finally {
      await hyb.close();
    }
  }, 30_000);
});
