import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient as createNodeClient } from './index.node.js';
import { createClient as createFetchClient } from './index.js';
import { VERSION } from './version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const env = `Node/${process.versions.node}`;
const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/my-tenant`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the SDK version and agent on the wire', () => {
  it('VERSION is package.json\'s version (scripts/sync-version.mjs writes it)', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it.each([['node:http pool', createNodeClient], ['fetch', createFetchClient]] as const)(
    'the %s transport sends our own agent name with the real version, and a matching User-Agent',
    async (_, createClient) => {
      using spark = createClient({ baseUrl: base, apiKey: 'k' });
      await spark.request({ operation: 'test.version', method: 'GET', path: 'api/v3/x' });
      const headers = seen.at(-1)!;
      expect(headers['x-spark-ua']).toBe(`agent=spark-typescript-sdk/${pkg.version}; env=${env}`);
      expect(headers['user-agent']).toBe(`Spark TypeScript SDK v${pkg.version} (${env})`);
      // Never the official TypeScript SDK's agent name.
      expect(headers['x-spark-ua']).not.toMatch(/spark-ts-sdk/);
    },
  );
});
