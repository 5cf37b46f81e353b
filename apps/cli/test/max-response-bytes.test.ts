import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from './helpers.js';

// A Spark whose every answer is a valid v3 success of 64 KiB: larger than a small cap.
const BIG = JSON.stringify({
  status: 'Success', response_data: { outputs: { blob: 'x'.repeat(64 * 1024) } }, response_meta: { version_id: 'v', call_id: 'c' }, error: null,
});
let server: Server;
let baseUrl: string;
let root: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BIG) });
    res.end(BIG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/tenant`;
  root = await mkdtemp(join(tmpdir(), 'spark-cli-max-bytes-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

const execute = (...flags: string[]) =>
  runCli(['services', 'execute', 'f/cylinder', '--inputs', '{"radius":1}', '--base-url', baseUrl, '--api-key', 'k', '--max-retries', '0', ...flags], cleanEnv(root));

describe('--max-response-bytes', () => {
  it('caps what the client reads: a 64 KiB answer past --max-response-bytes 1024 fails with the SDK\'s message', async () => {
    const { code, stderr } = await execute('--max-response-bytes', '1024');
    expect(code).not.toBe(0);
    expect(stderr).toContain('larger than maxResponseBytes (1024 bytes)');
    expect(stderr).toContain('raise --max-response-bytes (bytes)');
  });

  it('the same answer is read whole under the default cap and under a cap above its size', async () => {
    expect((await execute()).code).toBe(0);
    const { code, stderr } = await execute('--max-response-bytes', String(1024 * 1024));
    expect(code, stderr).toBe(0);
  });

  it.each(['0', '-5', '1.5', 'lots', ''])('refuses %j before sending anything, naming the flag', async (value) => {
    requests = 0;
    const { code, stderr } = await execute('--max-response-bytes', value);
    expect(code).not.toBe(0);
    expect(stderr).toContain('--max-response-bytes');
    expect(stderr).toContain('must be a whole number > 0');
    expect(requests).toBe(0);
  });
});
