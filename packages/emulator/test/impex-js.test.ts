import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { KEY, get, post } from './helpers.js';

// Issue 15 §3: export → import of a user's JS model keeps the model (not the placeholder).
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
  emu.addModel('user/triple', { inputs: ['x'], outputs: ['y'], execute: (i) => ({ y: Number(i['x']) * 3 }) });
});
afterAll(() => emu.close());

async function exportZip(service: string): Promise<Uint8Array> {
  const exp = await post(`${emu.baseUrl}/api/v4/export`, { inputs: { services: [service] } });
  const st = await get(exp.body.status_url);
  return new Uint8Array(await (await fetch(st.body.outputs.files[0].file, { headers: KEY })).arrayBuffer());
}

async function importZip(zip: Uint8Array, entity: Record<string, unknown>): Promise<Record<string, any>> {
  const form = new FormData();
  form.append('importRequestEntity', JSON.stringify(entity));
  form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'package.zip');
  const imp = await (await fetch(`${emu.baseUrl}/api/v4/import`, { method: 'POST', headers: KEY, body: form })).json();
  return (await get(imp.status_url)).body;
}

const run = async (uri: string) =>
  (await post(`${emu.baseUrl}/api/v3/folders/${uri.replace('/', '/services/')}/execute`, { request_data: { inputs: { x: 5 } } })).body.response_data.outputs;

describe('export → import of a JS model', () => {
  it('the imported copy runs the user model', async () => {
    const zip = await exportZip('user/triple');
    const done = await importZip(zip, { inputs: { services_modify: [{ service_uri_source: 'user/triple', service_uri_destination: 'copy/triple' }] } });
    expect(done.status).toBe('completed');
    expect(await run('copy/triple')).toEqual({ y: 15 });
  });

  it('keeps it when the import replaces the very service it came from', async () => {
    const zip = await exportZip('user/triple');
    const done = await importZip(zip, { services_existing: 'replace' });
    expect(done.outputs.services[0].status).toBe('replaced');
    expect(await run('user/triple')).toEqual({ y: 15 });
  });
});
