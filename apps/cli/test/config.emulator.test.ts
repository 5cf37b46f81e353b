import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '@spark/test-utils/emulator';
import { cleanEnv, runCli } from './helpers.js';

const emu = withEmulator();
let home: string;
let env: NodeJS.ProcessEnv;
const file = () => join(home, '.spark', 'profiles.json');
const spark = (args: string[], input?: string) => runCli(args, env, home, input);

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'spark-cli-config-'));
  env = cleanEnv(home);
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('spark init and spark config', () => {
  it('init from flags writes a 0600 profile, makes it active, and commands use it', async () => {
    const init = await spark(['init', '--name', 'local', '--base-url', emu.baseUrl, '--api-key-stdin'], 'test-api-key\n');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('profile "local" saved');
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ profiles: { local: { baseUrl: emu.baseUrl, apiKey: 'test-api-key' } }, default: 'local' });
    const run = await spark(['services', 'execute', 'my-folder/volume-cylinder', '--inputs', '{"radius":1,"height":1}']);
    expect(run.code, run.stderr).toBe(0);
    // Without a terminal, a missing value is named by its flag.
    const missing = await spark(['init', '--name', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--base-url \(or --env with --tenant\) is required \(no terminal to ask on\)/);
  });

  it('config set / get / list / switch / remove', async () => {
    const set = await spark(['--profile', 'uat', 'config', 'set', 'env=uat.us', 'tenant=acme', 'timeout=90000', 'clientId=id', 'clientSecret=s3cr3t-s3cr3t-s3cr3t']);
    expect(set.code, set.stderr).toBe(0);
    expect((await spark(['--profile', 'uat', 'config', 'get', 'timeout'])).stdout.trim()).toBe('90000');
    const secret = await spark(['--profile', 'uat', 'config', 'get', 'clientSecret']);
    expect(secret.stdout.trim()).toBe('s3cr…cr3t');
    expect((await spark(['--profile', 'uat', 'config', 'get', 'clientSecret', '--reveal'])).stdout.trim()).toBe('s3cr3t-s3cr3t-s3cr3t');
    const list = await spark(['config', 'list']);
    expect(list.stdout).toBe('* local\n  uat\n');
    const json = JSON.parse((await spark(['config', 'list', '--json'])).stdout);
    expect(json).toMatchObject({ active: 'local', profiles: { uat: { tenant: 'acme', clientSecret: 's3cr…cr3t' } } });
    expect(JSON.stringify(json)).not.toContain('s3cr3t-s3cr3t');
    expect((await spark(['config', 'switch', 'uat'])).code).toBe(0);
    expect((await spark(['config', 'list'])).stdout).toBe('  local\n* uat\n');
    const bad = await spark(['config', 'set', 'timeout=abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/timeout must be a number/);
    expect((await spark(['config', 'set', 'nope=1'])).stderr).toMatch(/unknown setting "nope"/);
    expect((await spark(['config', 'switch', 'ghost'])).code).toBe(2);
    const removed = await spark(['config', 'remove', 'uat']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ profiles: { local: { baseUrl: emu.baseUrl, apiKey: 'test-api-key' } } });
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    await spark(['config', 'switch', 'local']);
  });

  it('config list names a broken profile without breaking the others', async () => {
    await spark(['--profile', 'typo', 'config', 'set', 'tenant=t']);
    const raw = JSON.parse(await readFile(file(), 'utf8'));
    raw.profiles.typo.baseUlr = 'x';
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file(), JSON.stringify(raw), { mode: 0o600 });
    const list = await spark(['config', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/ {2}typo {2}\(cannot be used: profile "typo": unknown field "baseUlr"/);
    expect((await spark(['services', 'versions', 'my-folder/volume-cylinder'])).code).toBe(0);
  });
});

describe('spark auth', () => {
  it('login fetches and saves a token (0600), status shows its expiry, logout forgets it', async () => {
    const add = await spark(['--profile', 'oauth', 'config', 'set', `baseUrl=${emu.baseUrl}`, 'clientId=test-client', 'clientSecret=test-client-secret']);
    expect(add.code, add.stderr).toBe(0);
    const before = await spark(['--profile', 'oauth', 'auth', 'status']);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/^oauth: not logged in/);
    const login = await spark(['--profile', 'oauth', 'auth', 'login']);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toMatch(/^logged in: profile "oauth", token expires in \d+ (minute|hour)/);
    const saved = join(home, '.spark', 'auth', 'oauth.json');
    expect((await stat(saved)).mode & 0o777).toBe(0o600);
    const token = JSON.parse(await readFile(saved, 'utf8')) as { accessToken: string; expiresAt: number };
    expect(token.expiresAt).toBeGreaterThan(Date.now());
    const status = await spark(['--profile', 'oauth', 'auth', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^oauth: logged in, token \S+ expires in/);
    expect(status.stdout).not.toContain(token.accessToken);
    const keyOnly = await spark(['--profile', 'local', 'auth', 'login']);
    expect(keyOnly.code).toBe(2);
    expect(keyOnly.stderr).toMatch(/does not use OAuth2/);
    const wrong = await spark(['--profile', 'oauth', '--client-id', 'test-client', '--client-secret', 'nope', 'auth', 'login']);
    expect(wrong.code).toBe(3);
    const logout = await spark(['--profile', 'oauth', 'auth', 'logout']);
    expect(logout.stdout).toMatch(/^logged out: profile "oauth"/);
    expect((await spark(['--profile', 'oauth', 'auth', 'status'])).stdout).toMatch(/not logged in/);
  });
});
