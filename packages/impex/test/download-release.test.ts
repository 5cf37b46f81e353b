import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, SparkApiError, SparkNotFoundError, type SparkClient } from '@spark/core';
import { within } from '@spark/test-utils';
import { downloadExport, migrateServices } from '../src/index.js';


let server: http.Server | undefined;
let spark: SparkClient | undefined;
afterEach(async () => {
  spark?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Starts `handler` on 127.0.0.1:0 and a client of it (no retries); returns the server's origin. */
async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  spark = createClient({ baseUrl: `${origin}/tenant`, apiKey: 'k', maxRetries: 0 });
  return origin;
}

/** Answers with 8 MiB, more than the socket buffers hold: the response stays open until the client reads or lets go. */
function bigFile(res: http.ServerResponse, onClose: () => void): void {
  res.on('close', onClose);
  res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(8 << 20) });
  res.write(Buffer.alloc(8 << 20));
}

describe('downloadExport: files already opened are released when a later one fails', () => {

  it('a 404 on the second file closes the first file\'s connection (its 8 MiB body unread)', async () => {
    let firstClosed!: () => void;
    const closed = new Promise<'closed'>((resolve) => (firstClosed = () => resolve('closed')));
    const origin = await serve((req, res) => {
      if (req.url === '/files/a.zip') return bigFile(res, firstClosed);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"gone"}');
    });
    await expect(downloadExport(spark!, [`${origin}/files/a.zip`, `${origin}/files/b.zip`])).rejects.toBeInstanceOf(SparkNotFoundError);
    expect(await within(closed, 3_000)).toBe('closed');
  });
});

describe('migrateServices: exported files not imported yet are released when an import fails', () => {
  it('the first import is refused (400): the second file\'s connection is closed (its 8 MiB body unread)', async () => {
    let secondClosed!: () => void;
    const closed = new Promise<'closed'>((resolve) => (secondClosed = () => resolve('closed')));
    const send = (res: http.ServerResponse, status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const origin = await serve((req, res) => {
      req.resume();
      const files = [{ file: `${origin}/files/a.zip` }, { file: `${origin}/files/b.zip` }];
      if (req.method === 'POST' && req.url === '/tenant/api/v4/export') return send(res, 200, { id: 'exp-1', object: 'export' });
      if (req.url === '/tenant/api/v4/export/exp-1/status') return send(res, 200, { id: 'exp-1', object: 'export', status: 'completed', outputs: { files } });
      if (req.url === '/files/a.zip') return void res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from([80, 75, 5, 6]));
      if (req.url === '/files/b.zip') return bigFile(res, secondClosed);
      if (req.method === 'POST' && req.url === '/tenant/api/v4/import') return req.on('end', () => send(res, 400, { message: 'bad package' }));
      send(res, 404, { message: 'no route' });
    });
    await expect(migrateServices(spark!, spark!, { services: ['f/s'], destination: 'f/s', pollInterval: 10 })).rejects.toBeInstanceOf(SparkApiError);
    expect(await within(closed, 3_000)).toBe('closed');
  });
});
