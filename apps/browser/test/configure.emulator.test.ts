import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAndWait, DIST, startHarness, useBaseUrl, type Harness } from './harness.js';

let hx: Harness;
beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.close();
});

const STORAGE = 'spark-browser-demo';

describe('configure on the page (real Chromium, emulator over CORS)', () => {
  it('ships a browser bundle without Node-only code', () => {
    const assets = join(DIST, 'assets');
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    expect(code.length).toBeGreaterThan(0);
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).not.toContain('__vite-browser-external');
  });

  it('opens with no query at the emulator defaults, takes a base URL typed on the page and keeps it (not the token)', async () => {
    const { context, page, pageErrors } = await hx.open();
    await expect(page.inputValue('#base-url')).resolves.toBe('http://127.0.0.1:3000/my-tenant');
    await expect(page.isChecked('#auth-bearer')).resolves.toBe(true);
    await expect(page.inputValue('#secret')).resolves.toBe('test-access-token'); // the emulator's public test token
    await expect(page.inputValue('#service')).resolves.toBe('my-folder/volume-cylinder');
    await expect(page.isHidden('#key-warning')).resolves.toBe(true);

    await useBaseUrl(page, hx.emulator.baseUrl);
    const before = hx.emulator.requests.length;
    const { state, headline } = await clickAndWait(page, '#load');
    expect(state, headline).toBe('done');
    expect(headline).toBe('my-folder/volume-cylinder: 2 input(s). Leave a field empty to use its default.');
    const sent = hx.emulator.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/product/my-folder/engines/get/volume-cylinder`,
      `POST /${hx.emulator.tenant}/api/v3/folders/my-folder/services/volume-cylinder/validation`,
    ]);
    expect(sent[0]!.headers['origin']).toBe(hx.site.url);
    expect(sent[0]!.headers['authorization']).toBe('Bearer test-access-token');
    await hx.shot(page, 'configure');

    // Shareable hash and storage hold the base URL and service, never the token.
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect(Object.fromEntries(hash)).toEqual({ baseUrl: hx.emulator.baseUrl, auth: 'bearer', service: 'my-folder/volume-cylinder' });
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE);
    expect(JSON.parse(stored!)).toEqual({ baseUrl: hx.emulator.baseUrl, auth: 'bearer', remember: false, service: 'my-folder/volume-cylinder' });
    expect(stored).not.toContain('test-access-token');

    // A fresh visit without the hash still has the base URL (from localStorage); the token is not kept.
    await page.goto(`${hx.site.url}/`);
    await expect(page.inputValue('#base-url')).resolves.toBe(hx.emulator.baseUrl);
    await expect(page.inputValue('#secret')).resolves.toBe('');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('puts an API key behind the browser guard: refused until "send anyway" is ticked; stored only with "remember"', async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.check('#auth-apiKey');
    await expect(page.isVisible('#key-warning')).resolves.toBe(true);
    await expect(page.textContent('#key-warning')).resolves.toContain('can be read by anyone who opens the page');
    await expect(page.textContent('#secret-label')).resolves.toBe('API key');
    await page.fill('#secret', 'test-api-key');

    const before = hx.emulator.requests.length;
    const refused = await clickAndWait(page, '#load');
    expect(refused.state).toBe('error');
    expect(refused.headline).toBe('The SDK will not send an API key from a web page unless you tick "Send the key from this page anyway".');
    expect(refused.detail).toMatch(/^SparkSdkError: refusing to use an API key in a browser, where every visitor can read it/);
    expect(refused.detail).toContain('allowBrowser');
    expect(hx.emulator.requests.length).toBe(before); // nothing left the page
    await hx.shot(page, 'key-warning');

    await page.check('#allow-key');
    const loaded = await clickAndWait(page, '#load');
    expect(loaded.state, loaded.headline + loaded.detail).toBe('done');
    expect(hx.emulator.requests.at(-1)!.headers['x-synthetic-key']).toBe('test-api-key');
    let stored = (await page.evaluate((key) => localStorage.getItem(key), STORAGE)) ?? '';
    expect(stored).not.toContain('test-api-key');

    await page.check('#remember');
    stored = (await page.evaluate((key) => localStorage.getItem(key), STORAGE)) ?? '';
    expect(JSON.parse(stored)).toMatchObject({ auth: 'apiKey', remember: true, secret: 'test-api-key' });
    expect(page.url()).not.toContain('test-api-key');
    await page.reload();
    await expect(page.inputValue('#secret')).resolves.toBe('test-api-key');
    await expect(page.isChecked('#auth-apiKey')).resolves.toBe(true);

    await page.uncheck('#remember');
    stored = (await page.evaluate((key) => localStorage.getItem(key), STORAGE)) ?? '';
    expect(stored).not.toContain('test-api-key');
    await context.close();
  });

  it('a link naming another server does not get the remembered key (it is tied to the base URL it was saved with)', async () => {
    const heard: IncomingHttpHeaders[] = [];
    const hostile = createServer((req, res) => {
      heard.push(req.headers);
      res.writeHead(200, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    const evil = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/my-tenant`;
    try {
      const { context, page } = await hx.open();
      await useBaseUrl(page, hx.emulator.baseUrl);
      await page.check('#auth-apiKey');
      await page.fill('#secret', 'test-api-key');
      await page.check('#remember');
      await page.goto(`${hx.site.url}/#${new URLSearchParams({ baseUrl: evil, auth: 'apiKey' })}`);
      await page.reload(); // a hash-only navigation does not reload the page
      await expect(page.inputValue('#base-url')).resolves.toBe(evil);
      await page.check('#allow-key');
      const { state, headline } = await clickAndWait(page, '#load');
      expect(heard.map((h) => h['x-synthetic-key'] ?? h['access-control-request-headers'])).toEqual([]); // the key never left
      expect(state).toBe('error');
      expect(headline).toBe('Enter an API key, or choose a bearer token or public access.');
      await expect(page.inputValue('#secret')).resolves.toBe('');
      await context.close();
    } finally {
      hostile.closeAllConnections();
      await new Promise<void>((resolve) => hostile.close(() => resolve()));
    }
  });

  it('public access hides the credentials box and uses the public API for validation and execute', async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.check('#auth-public');
    await expect(page.isHidden('#secret-row')).resolves.toBe(true);
    const before = hx.emulator.requests.length;
    const loaded = await clickAndWait(page, '#load');
    expect(loaded.state, loaded.headline + loaded.detail).toBe('done');
    await page.fill('#input-1', '2'); // radius
    await page.fill('#input-0', '3'); // height
    const ran = await clickAndWait(page, '#run');
    expect(ran.state, ran.headline + ran.detail).toBe('done');
    const sent = hx.emulator.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /${hx.emulator.tenant}/api/v3/public/folders/my-folder/services/volume-cylinder/validation`,
      `POST /${hx.emulator.tenant}/api/v3/public/folders/my-folder/services/volume-cylinder/execute`,
    ]);
    expect(sent.every((r) => r.headers['authorization'] === undefined && r.headers['x-synthetic-key'] === undefined)).toBe(true);
    await expect(page.textContent('#result table')).resolves.toContain(String(Math.PI * 2 * 2 * 3));
    await context.close();
  });
});
