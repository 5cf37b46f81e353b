import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, spawnCli } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-cli-emu-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Spawns `spark emulator start … --json` and resolves with its first output line, parsed. */
async function start(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawnCli(['emulator', 'start', '--port', '0', ...args, '--json'], env);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', () => reject(new Error('emulator exited early')));
  });
  return { child, exited, started: JSON.parse(first) as { url: string; baseUrl: string; tenant: string } };
}

describe('spark emulator start', () => {
  it('--open serves execute without credentials (a hybrid runner does not authenticate callers)', async () => {
    const { child, exited, started } = await start(['--open'], cleanEnv(dir));
    try {
      const res = await fetch(`${started.baseUrl}/api/v3/folders/my-folder/services/volume-cylinder/execute`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request_data: { inputs: { radius: 1, height: 2 } } }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { response_data: { outputs: { volume: number } } }).response_data.outputs.volume).toBeCloseTo(2 * Math.PI, 10);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('--cors and --allowed-host reach the emulator', async () => {
    const { child, exited, started } = await start(['--cors', 'https://app.example.test', '--allowed-host', 'spark.example.test'], cleanEnv(dir));
    try {
      const health = (headers: Record<string, string>) => fetch(`${started.url}/health`, { headers });
      const allowed = await health({ origin: 'https://app.example.test' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
      const other = await health({ origin: 'https://evil.example.test' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      // fetch() cannot set Host: ask node:http directly.
      const { request } = await import('node:http');
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request(`${started.url}/health`, { headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject).end();
        });
      expect(await status('spark.example.test')).toBe(200);
      expect(await status('attacker.example.test')).not.toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('prints its base URL, serves requests and stops on SIGINT with exit 0', async () => {
    const env = cleanEnv(dir);
    const child = spawnCli(['emulator', 'start', '--port', '0', '--tenant', 'acme', '--json'], env);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const lines = createInterface({ input: child.stdout! });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error('emulator exited early')));
      });
      const started = JSON.parse(first) as { url: string; baseUrl: string; tenant: string };
      expect(started.tenant).toBe('acme');
      expect(started.baseUrl).toBe(`${started.url}/acme`);
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const run = await runCli(
        ['services', 'execute', 'my-folder/volume-cylinder', '--inputs', '{"radius":1,"height":1}', '--base-url', started.baseUrl, '--api-key', 'test-api-key', '--json'],
        env,
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).outputs[0].volume).toBeCloseTo(Math.PI, 10);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
