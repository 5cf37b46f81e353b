import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkSdkError } from '@spark/core';
import { migrateServices } from './migrate-services.js';
import { impex } from './plugin.js';
import { exportStatus, FILE_URL, FULL, impexServer, importStatus } from './test-utils/impex-fixtures.js';
import { json, recorder, testClient } from '@spark/test-utils';

const FAST = { pollInterval: 1 };
const TWO_FILES = { ...exportStatus('completed'), outputs: { files: [{ file: FILE_URL }, { file: '' }, { file: `${FILE_URL}&n=2` }] } };

function source(final: Record<string, unknown> = TWO_FILES) {
  const server = impexServer({ exportFinal: final, pending: 0 });
  return recorder((call, i) => (call.url === `${FILE_URL}&n=2` ? server({ ...call, url: FILE_URL }) : server(call)));
}

describe('migrateServices', () => {
  it('exports from one client and imports every file into the other', async () => {
    const from = source();
    const to = recorder(impexServer({ pending: 0 }));
    const results = await migrateServices(testClient(from.fetch), testClient(to.fetch, { apiKey: 'target-key' }), {
      services: ['f/s'], filters: { version: 'all' }, destination: { source: 'f/s', target: 'g/s' }, ifPresent: 'replace', ...FAST,
    });
    expect(from.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${FULL}/api/v4/export`, `GET ${FULL}/api/v4/export/exp-1/status`, `GET ${FILE_URL}`, `GET ${FILE_URL}&n=2`,
    ]);
    expect(from.calls[0]!.json).toMatchObject({ inputs: { services: ['f/s'] }, file_filter: 'migrate', version_filter: 'all' });
    expect(to.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${FULL}/api/v4/import`, `GET ${FULL}/api/v4/import/imp-1/status`, `POST ${FULL}/api/v4/import`, `GET ${FULL}/api/v4/import/imp-1/status`,
    ]);
    expect(to.calls[0]!.headers['x-synthetic-key']).toBe('target-key');
    const form = to.calls[0]!.body as FormData;
    expect(JSON.parse(form.get('importRequestEntity') as string)).toMatchObject({
      inputs: { services_modify: [{ service_uri_source: 'f/s', service_uri_destination: 'g/s', update_version_type: 'minor' }] },
      services_existing: 'replace',
    });
    expect([...new Uint8Array(await (form.get('file') as File).arrayBuffer())]).toEqual([80, 75, 5, 6]);
    expect(results).toEqual([
      { exports: TWO_FILES, imports: importStatus('completed') },
      { exports: TWO_FILES, imports: importStatus('completed') },
    ]);
  });

  it('is the plugin method migrate(to, params) and migrate(from, to, params)', async () => {
    const from = source();
    const to = recorder(impexServer({ pending: 0 }));
    const a = testClient(from.fetch).use(impex);
    const b = testClient(to.fetch);
    expect(await a.impex.migrate(b, { folders: 'f', destination: 'f/s', ...FAST })).toHaveLength(2);
    const other = testClient(recorder().fetch).use(impex);
    expect(await other.impex.migrate(testClient(source().fetch), b, { folders: 'f', destination: 'f/s', ...FAST })).toHaveLength(2);
  });

  it('stops at a failed import', async () => {
    const to = recorder(impexServer({ pending: 0, importFinal: importStatus('failed') }));
    await expect(migrateServices(testClient(source().fetch), testClient(to.fetch), { folders: 'f', destination: 'f/s', ...FAST })).rejects.toBeInstanceOf(SparkApiError);
    expect(to.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('maps HTTP errors of the export', async () => {
    const from = recorder(() => json({}, 403));
    await expect(migrateServices(testClient(from.fetch), testClient(recorder().fetch), { folders: 'f', destination: 'f/s' })).rejects.toThrow(/403/);
  });

  it('validates parameters before sending anything', async () => {
    const from = recorder();
    const to = recorder();
    const a = testClient(from.fetch);
    const b = testClient(to.fetch);
    await expect(migrateServices(a, b, { destination: 'f/s' })).rejects.toThrow(/at least one of folders/);
    await expect(migrateServices(a, b, { folders: 'f' } as never)).rejects.toThrow(/"destination"/);
    await expect(migrateServices(a, {} as never, { folders: 'f', destination: 'f/s' })).rejects.toBeInstanceOf(SparkSdkError);
    expect(from.calls).toHaveLength(0);
    expect(to.calls).toHaveLength(0);
  });
});
