import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAndWait, startHarness, useBaseUrl, type Harness } from './harness.js';

let hx: Harness;
beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.close();
});

const volume = (r: number, h: number): number => Math.PI * r * r * h;

describe('the "many records" tab (real Chromium, emulator over CORS)', () => {
  it('runs pasted CSV as ONE v4 call and shows, copies and downloads the results', async () => {
    const { context, page, pageErrors } = await hx.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hx.site.url });
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.click('#tab-many');
    await expect(page.isVisible('#panel-many')).resolves.toBe(true);
    await expect(page.isHidden('#panel-one')).resolves.toBe(true);
    await page.fill('#csv', 'radius,height\r\n1,2\r\n"3",4\r\n2.5,\r\n');

    const before = hx.emulator.requests.length;
    const { state, headline, detail } = await clickAndWait(page, '#run-many');
    expect(state, headline + detail).toBe('done');
    const calls = hx.emulator.requests.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /${hx.emulator.tenant}/api/v4/execute`]);
    expect(JSON.parse(calls[0]!.body ?? '{}').inputs).toEqual([{ radius: 1, height: 2 }, { radius: 3, height: 4 }, { radius: 2.5 }]);
    expect(headline).toMatch(/^Executed 3 record\(s\) of my-folder\/volume-cylinder in one call \(call id [0-9a-f-]{36}\)\.$/);

    const header = await page.locator('#many-result thead th').allTextContents();
    expect(header).toEqual(['#', 'radius', 'height', 'volume', 'warnings', 'errors']);
    const rows = await page.locator('#many-result tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['1', '1', '2', String(volume(1, 2)), '', ''],
      ['2', '3', '4', String(volume(3, 4)), '', ''],
      ['3', '2.5', '', String(volume(2.5, 4)), "Input parameter missing for 'height'. API request processed using the default values saved into the file.", ''],
    ]);
    await hx.shot(page, 'csv');

    const expected =
      '#,radius,height,volume,warnings,errors\r\n' +
      `1,1,2,${volume(1, 2)},,\r\n` +
      `2,3,4,${volume(3, 4)},,\r\n` +
      `3,2.5,,${volume(2.5, 4)},Input parameter missing for 'height'. API request processed using the default values saved into the file.,\r\n`;
    const copied = await clickAndWait(page, '#copy');
    expect(copied).toEqual({ state: 'done', headline: 'Copied 3 row(s) as CSV.', detail: '' });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('my-folder-volume-cylinder-results.csv');
    expect(readFileSync(await download.path(), 'utf8')).toBe(expected);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('reads an uploaded CSV file, and says what is wrong with a CSV without records before sending', async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.click('#tab-many');
    await page.setInputFiles('#csv-file', { name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from('radius,height\n2,3\n') });
    await expect.poll(() => page.inputValue('#csv')).toBe('radius,height\n2,3\n');
    const ran = await clickAndWait(page, '#run-many');
    expect(ran.state, ran.headline + ran.detail).toBe('done');
    await expect(page.locator('#many-result tbody td').nth(3).textContent()).resolves.toBe(String(volume(2, 3)));

    await page.fill('#csv', 'radius,height\n');
    const before = hx.emulator.requests.length;
    const empty = await clickAndWait(page, '#run-many');
    expect(empty).toEqual({ state: 'error', headline: 'The CSV has a header row but no records.', detail: '' });
    await page.fill('#csv', 'radius,height\n1,2,3\n');
    const wide = await clickAndWait(page, '#run-many');
    expect(wide.headline).toBe('CSV row 2 has 3 cells, the header 2.');
    expect(hx.emulator.requests.length).toBe(before);
    await context.close();
  });
});
