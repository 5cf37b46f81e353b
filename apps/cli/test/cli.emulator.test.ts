import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, closedPort, runCli } from './helpers.js';
import { cliSuite } from './cli-suite.js';

const URI = 'my-folder/volume-cylinder';
const cli = cliSuite('general');
const { emu, spark } = cli;

beforeAll(() => {
  if (!existsSync(new URL('../dist/main.js', import.meta.url))) throw new Error(`build the CLI first (${BIN} runs dist/main.js)`);
});

describe('spark (general)', () => {
  it('--help exits 0 and lists the commands', async () => {
    const { code, stderr, stdout } = await runCli(['--help'], cli.env);
    expect(code, stderr).toBe(0);
    for (const command of ['health', 'services', 'batch', 'logs', 'emulator']) expect(stdout).toContain(command);
    const sub = await runCli(['services', 'execute', '--help'], cli.env);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--inputs');
  });

  it('--version prints the CLI and SDK versions', async () => {
    const { code, stderr, stdout } = await runCli(['--version'], cli.env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^spark \d+\.\d+\.\d+ \(@spark\/sdk \d+\.\d+\.\d+/);
  });

  it('an unknown option or command is a usage error (exit 2)', async () => {
    const a = await runCli(['services', 'execute', URI, '--nope'], cli.env);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^error: unknown option '--nope'/);
    const b = await runCli(['services'], cli.env);
    expect(b.code).toBe(2);
  });
});

describe('spark health', () => {
  it('reports UP, without credentials', async () => {
    const human = await runCli(['health', '--base-url', emu.baseUrl], cli.env);
    expect(human).toMatchObject({ code: 0 });
    expect(human.stdout.trim()).toBe(`${emu.url}: UP`);
    const json = await runCli(['health', '--base-url', emu.baseUrl, '--json'], cli.env);
    expect(JSON.parse(json.stdout)).toEqual({ status: 'UP' });
  });

  it('exits 1 with one error line when the base URL is unreachable', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await runCli(['health', '--base-url', `http://127.0.0.1:${port}/t`, '--max-retries', '0'], cli.env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*127\.0\.0\.1/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack with --debug', async () => {
    const port = await closedPort();
    const { code, stderr } = await runCli(['health', '--base-url', `http://127.0.0.1:${port}/t`, '--max-retries', '0', '--debug'], cli.env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\n\s+at /);
  });
});

describe('spark services execute', () => {
  it('executes inline inputs, human output', async () => {
    const { code, stdout, stderr } = await spark('services', 'execute', URI, '--inputs', '{"radius":2,"height":3}');
    expect(code, stderr).toBe(0);
    expect(stdout.trim()).toBe(`volume: ${Math.PI * 4 * 3}`);
    expect(stderr).toMatch(/^call id \S+/);
  });

  it('executes @file inputs, --json output parses', async () => {
    await writeFile(join(cli.dir, 'inputs.json'), JSON.stringify({ radius: 1, height: 10 }));
    const { code, stderr, stdout } = await spark('services', 'execute', URI, '--inputs', '@inputs.json', '--json');
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.outputs).toHaveLength(1);
    expect(result.outputs[0].volume).toBeCloseTo(Math.PI * 10, 10);
    expect(typeof result.call_id).toBe('string');
  });

  it('executes an array of records (v4)', async () => {
    const { code, stderr, stdout } = await spark('services', 'execute', URI, '--inputs', '[{"radius":1,"height":1},{"radius":2,"height":1}]', '--json');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).outputs.map((o: { volume: number }) => o.volume)).toEqual([Math.PI, Math.PI * 4]);
  });

  it('bad JSON inputs exit 2 with a clear message, before any request', async () => {
    // Against a closed port: had anything been sent, the exit code would be 1 (connection refused).
    const offline = ['--base-url', `http://127.0.0.1:${await closedPort()}/t`, '--api-key', 'k', '--max-retries', '0'];
    const { code, stdout, stderr } = await runCli(['services', 'execute', URI, '--inputs', '{radius:2', ...offline], cli.env, cli.dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: --inputs is not valid JSON/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    const missing = await runCli(['services', 'execute', URI, '--inputs', '@nope.json', ...offline], cli.env, cli.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: --inputs: cannot read nope\.json \(ENOENT\)/);
    const shape = await runCli(['services', 'execute', URI, '--inputs', '[1,2]', ...offline], cli.env, cli.dir);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toMatch(/must be a JSON object of inputs/);
  });

  it('an SDK validation error (bad service URI) exits 2', async () => {
    const { code, stderr } = await spark('services', 'execute', '', '--inputs', '{}');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: /);
  });

  it('a wrong API key exits 3 and never prints the key', async () => {
    const { code, stdout, stderr } = await runCli(
      ['services', 'execute', URI, '--inputs', '{"radius":1,"height":1}', '--base-url', emu.baseUrl, '--api-key', 'wrong-secret-key'],
      cli.env,
    );
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: 401 /);
    expect(stderr).not.toContain('wrong-secret-key');
  });

  it('missing credentials exit 2 naming the flags, variables and profile that give them', async () => {
    const { code, stderr } = await runCli(['services', 'execute', URI, '--base-url', emu.baseUrl], cli.env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: no credentials: pass --api-key, --token, or --client-id with --client-secret; set CSPARK_API_KEY/);
    expect(stderr).toContain('--profile');
  });

  it('authenticates with a bearer token or OAuth2 client credentials', async () => {
    const base = ['services', 'execute', URI, '--inputs', '{"radius":1,"height":1}', '--base-url', emu.baseUrl, '--json'];
    const token = await runCli([...base, '--token', 'test-access-token'], cli.env);
    expect(token.code).toBe(0);
    expect(JSON.parse(token.stdout).outputs[0].volume).toBeCloseTo(Math.PI, 10);
    const oauth = await runCli([...base, '--client-id', 'test-client', '--client-secret', 'test-client-secret'], cli.env);
    expect(oauth.code).toBe(0);
    expect(oauth.stdout + oauth.stderr).not.toContain('test-client-secret');
    const wrong = await runCli([...base, '--client-id', 'test-client', '--client-secret', 'wrong-secret'], cli.env);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).not.toContain('wrong-secret');
  });

  it('reads CSPARK_* environment variables', async () => {
    const withEnv = cleanEnv(cli.dir, { CSPARK_BASE_URL: emu.baseUrl, CSPARK_API_KEY: 'test-api-key' });
    const { code, stderr, stdout } = await runCli(['services', 'execute', URI, '--inputs', '{"radius":1,"height":2}', '--json'], withEnv);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).outputs[0].volume).toBeCloseTo(Math.PI * 2, 10);
  });

  it('reads a profile file', async () => {
    const file = join(cli.dir, 'profiles.json');
    await writeFile(file, JSON.stringify({ profiles: { local: { baseUrl: emu.baseUrl, apiKey: emu.apiKey } } }));
    const { code, stdout, stderr } = await runCli(
      ['services', 'execute', URI, '--inputs', '{"radius":1,"height":3}', '--profile-file', file, '--profile', 'local', '--json'],
      cli.env,
    );
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).outputs[0].volume).toBeCloseTo(Math.PI * 3, 10);
    expect(stdout + stderr).not.toContain('test-api-key');
  });
});
