import { formatServiceUri } from '@spark/core';
import { executeService } from '@spark/services';
import { fillPanel, syncAuthFields } from './connection-panel.js';
import { toCsv } from './csv.js';
import { describeService, type InputField } from './describe-service.js';
import { byId, h, setStatus, table } from './dom.js';
import { readInputs, renderFields } from './input-form.js';
import { listServices } from './list-services.js';
import { runManyRecords } from './many-records.js';
import { pageStorage, persist, serviceLocator, withClient } from './session.js';
import { loadSettings } from './settings.js';
import { showResult } from './show-result.js';

// The page's entry: wires the fields to the SDK. Every action reports through #status
// (`data-state`: idle → running → done | error), which the e2e test waits on.
let fields: InputField[] | undefined;
let manyRows: unknown[][] = [];

fillPanel(loadSettings(location.hash, pageStorage()));
for (const id of ['base-url', 'secret', 'remember', 'service', 'auth-bearer', 'auth-public', 'auth-apiKey']) {
  byId(id).addEventListener('change', () => {
    syncAuthFields();
    persist();
  });
}

// A form belongs to the service it was loaded for.
byId('service').addEventListener('change', () => {
  fields = undefined;
  byId('fields').replaceChildren();
  byId('run').hidden = true;
});

byId('list-services').addEventListener('click', () => {
  const folder = byId<HTMLInputElement>('folder').value.trim();
  void withClient(`Listing the services of ${folder}…`, async (spark) => {
    const names = await listServices(spark, folder);
    const select = byId<HTMLSelectElement>('service-list');
    select.replaceChildren(h('option', { value: '' }, `${names.length} service(s) in ${folder}`), ...names.map((n) => h('option', { value: n }, n)));
    select.hidden = false;
    return `${folder} holds ${names.length} service(s): pick one.`;
  });
});

byId<HTMLSelectElement>('service-list').addEventListener('change', (event) => {
  const name = (event.target as HTMLSelectElement).value;
  if (name) byId<HTMLInputElement>('service').value = name;
  persist();
});

byId('load').addEventListener('click', () => {
  void withClient('Reading the service’s schema…', async (spark, settings) => {
    const uri = serviceLocator(settings);
    fields = await describeService(spark, uri);
    renderFields(byId('fields'), fields);
    byId('run').hidden = false;
    byId('result').replaceChildren();
    return `${formatServiceUri(uri)}: ${fields.length} input(s). Leave a field empty to use its default.`;
  });
});

byId<HTMLFormElement>('inputs-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void withClient('Executing…', async (spark, settings) => {
    const inputs = readInputs(byId('fields'), fields ?? []);
    const result = await executeService(spark, serviceLocator(settings), { inputs });
    showResult(byId('result'), result);
    return `Executed ${settings.service} (call id ${result.call_id ?? 'none'}).`;
  });
});

for (const tab of ['one', 'many']) {
  byId(`tab-${tab}`).addEventListener('click', () => {
    for (const other of ['one', 'many']) {
      byId(`tab-${other}`).setAttribute('aria-selected', String(other === tab));
      byId(`panel-${other}`).hidden = other !== tab;
    }
  });
}

byId<HTMLInputElement>('csv-file').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) byId<HTMLTextAreaElement>('csv').value = await file.text();
});

byId('run-many').addEventListener('click', () => {
  void withClient('Executing the records in one call…', async (spark, settings) => {
    const { rows, callId } = await runManyRecords(spark, serviceLocator(settings), byId<HTMLTextAreaElement>('csv').value);
    manyRows = rows;
    byId('many-result').replaceChildren(table(rows[0] as string[], rows.slice(1)));
    byId('many-actions').hidden = false;
    return `Executed ${rows.length - 1} record(s) of ${settings.service} in one call (call id ${callId ?? 'none'}).`;
  });
});

byId('copy').addEventListener('click', () => {
  navigator.clipboard.writeText(toCsv(manyRows)).then(
    () => setStatus('done', `Copied ${manyRows.length - 1} row(s) as CSV.`),
    (error: unknown) => setStatus('error', 'The browser refused the clipboard: use Download instead.', String(error)),
  );
});

byId('download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([toCsv(manyRows)], { type: 'text/csv' }));
  const name = `${byId<HTMLInputElement>('service').value.replace(/[^\w.-]+/g, '-')}-results.csv`;
  h('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});
