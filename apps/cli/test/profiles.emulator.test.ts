import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '@spark/test-utils/emulator';
import { cleanEnv, runCli } from './helpers.js';

const URI = 'my-folder/volume-cylinder';
const emu = withEmulator();
let home: string;
let file: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'spark-cli-profiles-'));
  await mkdir(join(home, '.spark'));
  file = join(home, '.spark', 'profiles.json');
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

const writeProfiles = async (data: unknown, mode = 0o600) => {
  await writeFile(file, typeof data === 'string' ? data : JSON.stringify(data));
  await chmod(file, mode);
};
const execute = (...args: string[]) => runCli(['services', 'execute', URI, '--inputs', '{"radius":1,"height":1}', ...args], cleanEnv(home));

describe('profile file', () => {
  it.skipIf(process.platform === 'win32')('warns when others can read it, and still runs', async () => {
    await writeProfiles({ default: 'local', profiles: { local: { baseUrl: emu.baseUrl, apiKey: emu.apiKey } } }, 0o644);
    const shared = await execute();
    expect(shared.code, shared.stderr).toBe(0);
    expect(shared.stderr).toContain(`warning: profile file ${file} can be read or written by other users (mode 644)`);
    expect(shared.stderr).toContain(`chmod 600 ${file}`);
    expect(shared.stderr).not.toContain('test-api-key');
    await chmod(file, 0o600);
    expect((await execute()).stderr).not.toContain('warning');
  });

  it('a typo in an unused profile breaks nothing; using it names the field', async () => {
    await writeProfiles({ default: 'local', profiles: { local: { baseUrl: emu.baseUrl, apiKey: emu.apiKey }, typo: { baseUlr: 'x' } } });
    const ok = await execute();
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await execute('--profile', 'typo');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/profile "typo": unknown field "baseUlr" .*spark config set/);
  });

  it('a broken default file is ignored with a warning when flags say everything', async () => {
    await writeProfiles('{ not json');
    const { code, stderr } = await execute('--base-url', emu.baseUrl, '--api-key', emu.apiKey);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/warning: profile file .* is not valid JSON.*ignoring it/);
    const named = await execute('--profile', 'local');
    expect(named.code).toBe(2);
  });
});

describe('keys off the command line', () => {
  it('--api-key-stdin reads the key from stdin', async () => {
    await rm(file, { force: true });
    const env = cleanEnv(home);
    const ok = await runCli(['services', 'execute', URI, '--inputs', '{"radius":1,"height":2}', '--base-url', emu.baseUrl, '--api-key-stdin'], env, undefined, 'test-api-key\n');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe(`volume: ${Math.PI * 2}`);
    const wrong = await runCli(['services', 'execute', URI, '--base-url', emu.baseUrl, '--api-key-stdin'], env, undefined, 'nope\n');
    expect(wrong.code).toBe(3);
    const empty = await runCli(['services', 'execute', URI, '--base-url', emu.baseUrl, '--api-key-stdin'], env, undefined, '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--api-key-stdin: stdin is empty/);
  });

  it('CSPARK_API_KEY works, and --help says how to keep keys off the command line', async () => {
    const ok = await runCli(['services', 'execute', URI, '--base-url', emu.baseUrl], cleanEnv(home, { CSPARK_API_KEY: 'test-api-key' }));
    expect(ok.code, ok.stderr).toBe(0);
    const help = await runCli(['services', 'execute', '--help'], cleanEnv(home));
    expect(help.stdout).toContain('--api-key-stdin');
    expect(help.stdout).toContain('--base-url');
    const root = await runCli(['--help'], cleanEnv(home));
    expect(root.stdout).toMatch(/\/proc\/<pid>\/cmdline[\s\S]*CSPARK_API_KEY[\s\S]*--api-key-stdin/);
  });
});

describe('token URL', () => {
  it("a client secret from flags or CSPARK_* never goes to the default profile's tokenUrl", async () => {
    // The default profile's token endpoint (another tenant's, another environment's) records what reaches it.
    const posted: string[] = [];
    const other = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        posted.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'other-tenant-token', token_type: 'Bearer', expires_in: 300 }));
      });
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const tokenUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/token`;
      await writeProfiles({ default: 'uat', profiles: { uat: { baseUrl: 'http://127.0.0.1:9/uat', clientId: 'uat-id', clientSecret: 'uat-secret', tokenUrl } } });
      const flags = await execute('--base-url', emu.baseUrl, '--client-id', 'test-client', '--client-secret', 'test-client-secret');
      expect(posted).toEqual([]);
      expect(flags.code, flags.stderr).toBe(0);
      const env = await runCli(
        ['services', 'execute', URI, '--inputs', '{"radius":1,"height":1}'],
        cleanEnv(home, { CSPARK_BASE_URL: emu.baseUrl, CSPARK_CLIENT_ID: 'test-client', CSPARK_CLIENT_SECRET: 'test-client-secret' }),
      );
      expect(posted).toEqual([]);
      expect(env.code, env.stderr).toBe(0);
      // The profile's own credentials still use its tokenUrl.
      await writeProfiles({ default: 'local', profiles: { local: { baseUrl: emu.baseUrl, clientId: 'test-client', clientSecret: 'test-client-secret', tokenUrl } } });
      expect((await execute()).code).toBe(3);
      // (Its token is refused by the emulator: fetched again once, then exit 3.)
      expect(posted.length).toBeGreaterThan(0);
      for (const body of posted) expect(body).toContain('client_secret=test-client-secret');
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
