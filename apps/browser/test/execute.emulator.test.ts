import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAndWait, startHarness, useBaseUrl, type Harness } from './harness.js';

let hx: Harness;
beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('a form built from the service schema (real Chromium, emulator over CORS)', () => {
  it('renders one typed field per input with its default, executes, and shows outputs, the default-value warning and the call id', async () => {
    const { context, page, pageErrors } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await clickAndWait(page, '#load');
    // The workbook's order, type and default, from the schema.
    await expect(page.locator('#fields label').allTextContents()).resolves.toEqual(['heightnumber · default 4', 'radiusnumber · default 7']);
    await expect(page.getAttribute('#input-0', 'type')).resolves.toBe('number');
    await expect(page.getAttribute('#input-0', 'placeholder')).resolves.toBe('default: 4');
    await expect(page.getAttribute('label[for="input-0"]', 'title')).resolves.toBe('Height of the cylinder');

    await page.fill('#input-1', '2'); // radius; height left empty → the service's default 4
    const before = hx.emulator.requests.length;
    const { state, headline } = await clickAndWait(page, '#run');
    expect(state, headline).toBe('done');
    const call = hx.emulator.requests.slice(before);
    expect(call).toHaveLength(1);
    expect(call[0]!.path).toBe(`/${hx.emulator.tenant}/api/v3/folders/my-folder/services/volume-cylinder/execute`);
    expect(JSON.parse(call[0]!.body ?? '{}').request_data).toEqual({ inputs: { radius: 2 } });

    const rows = await page.locator('#result table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual([['volume', String(Math.PI * 2 * 2 * 4)]]);
    await expect(page.locator('#result .warnings li').allTextContents()).resolves.toEqual([
      "Input parameter missing for 'height'. API request processed using the default values saved into the file.",
    ]);
    const callId = (await page.getAttribute('#result .facts', 'data-call-id')) ?? '';
    expect(callId).toMatch(UUID);
    expect(headline).toBe(`Executed my-folder/volume-cylinder (call id ${callId}).`);
    await expect(page.textContent('#result .facts')).resolves.toContain(`call id ${callId}`);
    await hx.shot(page, 'execute');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('takes its constraints from the service: a list becomes a select, an out-of-range value is refused before sending', async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.fill('#service', 'my-folder/loan-payment');
    await clickAndWait(page, '#load');
    await expect(page.locator('#fields label small').allTextContents()).resolves.toEqual([
      'number · default 100000 · 0 … ∞',
      'number · default 0.05 · 0 … 1',
      'number · default 30 · one of 10, 15, 20, 25, 30',
    ]);
    await expect(page.evaluate(() => document.getElementById('input-2')!.tagName)).resolves.toBe('SELECT');
    await expect(page.locator('#input-2 option').allTextContents()).resolves.toEqual(['default: 30', '10', '15', '20', '25', '30']);
    await expect(page.getAttribute('#input-1', 'max')).resolves.toBe('1');

    await page.fill('#input-1', '5');
    const before = hx.emulator.requests.length;
    const refused = await clickAndWait(page, '#run');
    expect(refused).toEqual({ state: 'error', headline: 'Input "annual_rate" must be at most 1, got 5.', detail: '' });
    expect(hx.emulator.requests.length).toBe(before);

    await page.fill('#input-0', '200000');
    await page.fill('#input-1', '0.06');
    await page.selectOption('#input-2', '15');
    const ran = await clickAndWait(page, '#run');
    expect(ran.state, ran.headline + ran.detail).toBe('done');
    const r = 0.06 / 12;
    const n = 15 * 12;
    const payment = Math.round(((200000 * r) / (1 - (1 + r) ** -n)) * 100) / 100;
    await expect(page.locator('#result table tbody tr').first().locator('td').allTextContents()).resolves.toEqual(['payment', String(payment)]);
    await expect(page.locator('#result .warnings li').count()).resolves.toBe(0);
    await context.close();
  });

  it("picks a service from the folder's list", async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.fill('#folder', 'my-folder');
    const listed = await clickAndWait(page, '#list-services');
    expect(listed.state, listed.headline + listed.detail).toBe('done');
    const names = await page.locator('#service-list option').allTextContents();
    expect(names).toEqual([
      '5 service(s) in my-folder',
      'my-folder/echo',
      'my-folder/fail',
      'my-folder/loan-payment',
      'my-folder/sum',
      'my-folder/volume-cylinder',
    ]);
    await page.selectOption('#service-list', 'my-folder/sum');
    await expect(page.inputValue('#service')).resolves.toBe('my-folder/sum');
    await clickAndWait(page, '#load');
    await expect(page.locator('#fields label').count()).resolves.toBe(2);
    await context.close();
  });
});
