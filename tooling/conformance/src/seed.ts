import { join } from 'node:path';
import type { Emulator } from '@spark/emulator';

/** What the collection's variables name, created in the emulator before the run. */
export interface Seeded {
  /** Postman environment values (credentials, locators, ids). */
  values: Record<string, string>;
  /** Files for the multipart file fields, by request name (read from ../shared). */
  files: Record<string, string>;
}

/** A model for `{{folder}}/{{service}}`: echoes its inputs, declares two, answers on `{{proxy}}`. */
const echoModel = {
  inputs: [{ name: 'A', defaultValue: 1 }, { name: 'B', defaultValue: 2 }],
  outputs: ['echo'],
  proxy: 'postman/echo',
  execute: (inputs: Record<string, unknown>) => ({ echo: inputs }),
};

/**
 * Seeds the emulator with what the requests name: the service (public, with a proxy path),
 * one execution (`{{call_id}}`), a folder (`{{folder_id}}`), the literal category key, and the
 * credentials; returns the environment values and the files for multipart requests.
 */
export async function seed(emu: Emulator, shared: string): Promise<Seeded> {
  const folder = 'my-folder';
  const service = 'my-service';
  const record = emu.addModel(`${folder}/${service}`, echoModel, { public: true });
  const res = await fetch(`${emu.baseUrl}/api/v3/folders/${folder}/services/${service}/execute`, {
    method: 'POST',
    headers: { 'x-synthetic-key': 'test-api-key', 'content-type': 'application/json' },
    body: JSON.stringify({ request_data: { inputs: { A: 1, B: 2 } } }),
  });
  const callId = ((await res.json()) as { response_meta: { call_id: string } }).response_meta.call_id;
  // Folder management is bearer-only. "creates new folder" names {{folder}}, which exists; the
  // update and delete requests act on {{folder_id}}: a folder of their own.
  const bearer = { authorization: 'Bearer test-access-token' };
  const form = new FormData();
  form.append('Name', 'postman-scratch');
  const created = await fetch(`${emu.url}/api/v1/product/create`, { method: 'POST', headers: bearer, body: form });
  const folderId = ((await created.json()) as { data: { folderId: string } }).data.folderId;
  // "deletes user-defined categories" names the key literally: <category-key>.
  await fetch(`${emu.url}/api/v1/lookup/savecategory`, {
    method: 'POST',
    headers: { ...bearer, 'content-type': 'application/json' },
    body: JSON.stringify({ key: '<category-key>', value: 'Postman', icon: 'other.svg' }),
  });
  const values: Record<string, string> = {
    tenant: emu.tenant,
    api_key: 'test-api-key',
    client_id: 'test-client',
    client_secret: 'test-client-secret',
    access_token: 'test-access-token',
    folder,
    service,
    service_id: record.serviceId,
    version: record.version,
    version_id: record.versionId,
    proxy: echoModel.proxy,
    call_id: callId,
    folder_id: folderId,
  };
  const samples = join(shared, 'samples');
  const files = {
    '1. uploads an Excel as service': join(samples, 'volume-cylinder.zip'),
    'uploads transform document as file': join(samples, 'jsonmapper_transform.json'),
    '1. initiates import job': join(samples, 'volume-cylinder.zip'),
  };
  return { values, files };
}
