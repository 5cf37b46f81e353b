import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAndWait, startHarness, useBaseUrl, type Harness } from './harness.js';

let hx: Harness;
beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.close();
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Loads a service from `http://127.0.0.1:PORT/my-tenant` and checks the answer for a server that
 * cannot be reached: the question names that address and this page's origin.
 */
async function loadUnreachable(port: number): Promise<Awaited<ReturnType<Harness['open']>>> {
  const opened = await hx.open();
  await useBaseUrl(opened.page, `http://127.0.0.1:${port}/my-tenant`);
  const { state, headline, detail } = await clickAndWait(opened.page, '#load');
  expect(state).toBe('error');
  expect(headline).toBe(
    `Could not reach http://127.0.0.1:${port}/my-tenant. Is the emulator (or Spark) running at http://127.0.0.1:${port} with this page's origin (${hx.site.url}) allowed?`,
  );
  expect(detail).toMatch(/^SparkConnectionError: /);
  return opened;
}

describe('errors say what is wrong (real Chromium)', () => {
  it('asks for the base URL before the credentials, and sends nothing', async () => {
    const { context, page } = await hx.open();
    await page.fill('#base-url', '');
    await page.fill('#secret', '');
    const before = hx.emulator.requests.length;
    const noUrl = await clickAndWait(page, '#load');
    expect(noUrl).toEqual({ state: 'error', headline: 'Enter the Spark base URL (with the tenant), e.g. http://127.0.0.1:3000/my-tenant for the emulator.', detail: '' });
    await hx.shot(page, 'error-base-url');
    await page.fill('#base-url', 'localhost:3000');
    const notUrl = await clickAndWait(page, '#load');
    expect(notUrl.headline).toBe('The base URL must start with http:// or https://, got "localhost:3000".');
    await useBaseUrl(page, hx.emulator.baseUrl);
    const noToken = await clickAndWait(page, '#load');
    expect(noToken).toEqual({ state: 'error', headline: 'Enter a bearer token, or choose public access.', detail: '' });
    expect(hx.emulator.requests.length).toBe(before);
    await context.close();
  });

  it('emulator down: asks whether it runs at that address with this page origin allowed', async () => {
    const spare = createServer();
    const port = await listen(spare);
    await close(spare); // nothing listens there any more
    const { context, page } = await loadUnreachable(port);
    await hx.shot(page, 'error-unreachable');
    await context.close();
  });

  it('CORS refused (a server that answers without CORS headers): the same question, though the server did answer', async () => {
    const seen: string[] = [];
    const noCors = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"Success"}');
    });
    const port = await listen(noCors);
    try {
      const { context } = await loadUnreachable(port);
      expect(seen.length).toBeGreaterThan(0); // it was up: the browser refused the answer
      await context.close();
    } finally {
      await close(noCors);
    }
  });

  it("401: says the credentials were refused, with the server's words", async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.fill('#secret', 'not-the-token');
    const { state, headline, detail } = await clickAndWait(page, '#load');
    expect(state).toBe('error');
    expect(headline).toBe('Spark refused the credentials (401): check the token or key, and that it belongs to this tenant.');
    expect(detail).toMatch(/^SparkUnauthorizedError: 401 services\.getSchema failed \(GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/product\/my-folder\/engines\/get\/volume-cylinder\): unauthorized: /);
    expect(detail).not.toContain('not-the-token');
    await hx.shot(page, 'error-401');
    await context.close();
  });

  it("404: says nothing was found, with the server's words", async () => {
    const { context, page } = await hx.open();
    await useBaseUrl(page, hx.emulator.baseUrl);
    await page.fill('#service', 'my-folder/no-such-service');
    const { state, headline, detail } = await clickAndWait(page, '#load');
    expect(state).toBe('error');
    expect(headline).toBe('Spark found no such thing (404): check the tenant in the base URL and the folder/service name.');
    expect(detail).toMatch(/^SparkNotFoundError: 404 services\.getSchema failed \(GET .*\): .*no-such-service.*not found/);
    await hx.shot(page, 'error-404');
    await context.close();
  });
});
