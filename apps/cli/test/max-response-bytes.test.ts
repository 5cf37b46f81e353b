import { describe, expect, it } from 'vitest';
import { fakeSpark } from './fake-spark.js';
import { cleanEnv, runCli } from './helpers.js';

// A Spark whose every answer is a valid v3 success of 64 KiB: larger than a small cap.
const BIG = JSON.stringify({
  status: 'Success', response_data: { outputs: { blob: 'x'.repeat(64 * 1024) } }, response_meta: { version_id: 'v', call_id: 'c' }, error: null,
});
const spark = fakeSpark('max-bytes', (req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BIG) });
  res.end(BIG);
});

const execute = (...flags: string[]) =>
  runCli(['services', 'execute', 'f/cylinder', '--inputs', '{"radius":1}', '--base-url', spark.baseUrl, '--api-key', 'k', '--max-retries', '0', ...flags], cleanEnv(spark.root));

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
    spark.requests = 0;
    const { code, stderr } = await execute('--max-response-bytes', value);
    expect(code).not.toBe(0);
    expect(stderr).toContain('--max-response-bytes');
    expect(stderr).toContain('must be a whole number > 0');
    expect(spark.requests).toBe(0);
  });
});
