import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, SparkSdkError } from './index.js';

// Issue 14 §4: a caller's name can never change the path. Every resource call below names an
// empty, "." or ".." segment; each must fail with a SparkSdkError and send nothing at all.
let server: http.Server;
let baseUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"Success","data":null}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/my-tenant`;
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

describe('names cannot change the path', () => {
  it.each<[string, (spark: Client) => Promise<unknown>]>([
    ['execute { folder: ".." }', (s) => s.services.execute({ folder: '..', service: 's' }, { inputs: {} })],
    ['execute "./s"', (s) => s.services.execute({ folder: '.', service: 's' }, { inputs: {} })],
    ['execute versionId ".."', (s) => s.services.execute({ versionId: '..' }, { inputs: {} })],
    ['execute proxy "../../../../admin/x"', (s) => s.services.execute({ proxy: '../../../../admin/x' }, { inputs: {} })],
    ['execute proxy "a/./b"', (s) => s.services.execute('proxy/a/./b', { inputs: {} })],
    ['services.delete { folder: ".." }', (s) => s.services.delete({ folder: '..', service: 'x' })],
    ['services.getVersions service ".."', (s) => s.services.getVersions({ folder: 'f', service: '..' })],
    ['services.getSchema "f/.."', (s) => s.services.getSchema({ folder: 'f', service: '..' })],
    ['services.download folder "."', (s) => s.services.download({ folder: '.', service: 's' })],
    ['services.transform using ".."', (s) => s.services.transform('f/s', { inputs: {}, using: '..' })],
    ['logs.get("..")', (s) => s.logs.get('..')],
    ['logs.find folder ".."', (s) => s.logs.find({ folder: '..', service: 's' })],
    ['logs.rehydrate callId ".."', (s) => s.logs.rehydrate('f/s', { callId: '..' })],
    ['transforms.get "../x"', (s) => s.transforms.get({ folder: '..', name: 'x' })],
    ['transforms.list("..")', (s) => s.transforms.list('..')],
    ['impex.exports.getStatus("..")', (s) => s.impex.exports.getStatus('..')],
    ['impex.exports.cancel(".")', (s) => s.impex.exports.cancel('.')],
    ['folders.delete("..")', (s) => s.folders.delete('..')],
    ['folders.exists("..")', (s) => s.folders.exists('..')],
    ['wasm.download "../s"', (s) => s.wasm.download({ folder: '..', service: 's' })],
    ['batches.of("..") (refused at once)', async (s) => s.batches.of('..').getStatus()],
  ])('%s is refused before sending', async (_name, call) => {
    using spark = new Client({ baseUrl, apiKey: 'k', maxRetries: 0 });
    const before = seen.length;
    const error = await call(spark).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(/"\.\.?"|""|empty|segment/);
    expect(seen.slice(before)).toEqual([]);
  });
});
