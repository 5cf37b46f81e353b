import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '@spark/emulator';
import { runCli } from './helpers.js';
import { cliSuite } from './cli-suite.js';

const URI = 'my-folder/volume-cylinder';
// spark folders … with an API key: opt in (Spark, and the emulator by default, want a bearer token there).
const cli = cliSuite('commands', { apiKeysForFolders: true });
const { emu, spark } = cli;

describe('spark folders', () => {
  it('create, list, delete (--yes; refused without a terminal otherwise)', async () => {
    const created = await spark('folders', 'create', 'cli-tests', '--description', 'made by a test');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^folder created: cli-tests \(\S+\)/);
    const names = await spark('folders', 'list', '--name-only', '--json');
    expect(JSON.parse(names.stdout)).toEqual(expect.arrayContaining(['cli-tests', 'my-folder']));
    const table = await spark('folders', 'list');
    expect(table.stdout).toMatch(/^NAME\s+CATEGORY\s+STATUS\s+SERVICES\s+UPDATED\n/);
    const refused = await spark('folders', 'delete', 'cli-tests');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pass --yes to confirm/);
    const deleted = await spark('folders', 'delete', 'cli-tests', '--yes');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stderr).toContain('folder deleted: cli-tests');
    expect(JSON.parse((await spark('folders', 'list', '--name-only', '--json')).stdout)).not.toContain('cli-tests');
    expect((await spark('folders', 'delete', 'ghost', '--yes')).stderr).toMatch(/folder "ghost" not found/);
  });

  it('delete with --json prints { deleted } on stdout and no per-folder note', async () => {
    for (const name of ['cli-json-a', 'cli-json-b']) expect((await spark('folders', 'create', name)).code).toBe(0);
    const deleted = await spark('folders', 'delete', 'cli-json-a', 'cli-json-b', '--yes', '--json');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({ deleted: ['cli-json-a', 'cli-json-b'] });
    expect(deleted.stderr).not.toContain('folder deleted');
    expect(JSON.parse((await spark('folders', 'list', '--name-only', '--json')).stdout)).not.toEqual(expect.arrayContaining(['cli-json-a']));
  });
});

describe('spark services list|search|delete and versions', () => {
  it('lists a folder’s services and searches by name', async () => {
    const list = await spark('services', 'list', 'my-folder', '--name-only', '--json');
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toContain('my-folder/volume-cylinder');
    const search = await spark('services', 'search', 'cylinder');
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toMatch(/^SERVICE\s+VERSION\s+UPDATED\s+ID\nmy-folder\/volume-cylinder\s/);
  });

  it('versions list --latest gives one version', async () => {
    const all = JSON.parse((await spark('versions', 'list', URI, '--json')).stdout) as { id: string }[];
    const latest = JSON.parse((await spark('versions', 'list', URI, '--latest', '--json')).stdout) as { id: string };
    expect(latest.id).toBe(all[0]!.id);
  });

  it('deletes a service with --yes', async () => {
    emu.addModel('cli-tests/doomed', (inputs) => ({ y: inputs['x'] }));
    const deleted = await spark('services', 'delete', 'cli-tests/doomed', '--yes');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stderr).toContain('service deleted: cli-tests/doomed');
    expect((await spark('services', 'execute', 'cli-tests/doomed', '--inputs', '{"x":1}')).code).toBe(1);
  });

  it('with --json prints { deleted } on stdout and no per-service note', async () => {
    emu.addModel('cli-tests/doomed-a', (inputs) => ({ y: inputs['x'] }));
    emu.addModel('cli-tests/doomed-b', (inputs) => ({ y: inputs['x'] }));
    const deleted = await spark('services', 'delete', 'cli-tests/doomed-a', 'cli-tests/doomed-b', '--yes', '--json');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({ deleted: ['cli-tests/doomed-a', 'cli-tests/doomed-b'] });
    expect(deleted.stderr).not.toContain('service deleted');
  });
});

describe('spark services execute extras', () => {
  it('-H and -p reach the wire', async () => {
    const { code, stderr } = await spark('services', 'execute', URI, '--inputs', '{"radius":1,"height":1}', '-H', 'x-trace-id: t-42', '-H', 'X-Other:2', '-p', 'call_purpose:Nightly', '-p', 'custom_flag:true');
    expect(code, stderr).toBe(0);
    const request = emu.requests.filter((r) => r.method === 'POST' && r.path.includes('/execute')).at(-1)!;
    expect(request.headers['x-trace-id']).toBe('t-42');
    expect(request.headers['x-other']).toBe('2');
    const body = JSON.parse(request.body!) as { request_meta: Record<string, unknown> };
    expect(body.request_meta).toMatchObject({ call_purpose: 'Nightly', custom_flag: true });
    expect((await spark('services', 'execute', URI, '-H', 'no colon')).stderr).toMatch(/-H must be 'name: value'/);
    expect((await spark('services', 'execute', URI, '-p', 'nocolon')).stderr).toMatch(/-p must be key:value/);
  });

  it('array inputs: per-record errors and warnings on stderr, exit 1 when a record failed', async () => {
    const { code, stdout, stderr } = await spark('services', 'execute', URI, '--inputs', '[{"radius":1,"height":1},{"radius":"x","height":1},{"radius":2}]');
    expect(code).toBe(1);
    expect(stdout).toContain('volume: 3.141592653589793');
    expect(stderr).toContain('record 1: error: input "radius" must be a number');
    expect(stderr).toMatch(/record 2: warning: Input parameter missing for 'height'/);
    const ok = await spark('services', 'execute', URI, '--inputs', '[{"radius":1,"height":1}]');
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('--debug prints an HTTP trace without secrets', async () => {
    const { code, stderr } = await spark('services', 'execute', URI, '--inputs', '{"radius":1,"height":1}', '--debug');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^debug: POST http:\/\/127\.0\.0\.1:\d+\/my-tenant\/api\/v3\/folders\/my-folder\/services\/volume-cylinder\/execute → 200 in \d+ ms \(request id [\w-]+\)$/m);
    expect(stderr).not.toContain('test-api-key');
  });
});

describe('--api-key open', () => {
  it('sends no credentials (a public service, or an open emulator)', async () => {
    const open = await startEmulator({ port: 0, openAccess: true });
    try {
      const { code, stderr, stdout } = await runCli(['services', 'execute', URI, '--inputs', '{"radius":1,"height":1}', '--base-url', open.baseUrl, '--api-key', 'open'], cli.env);
      expect(code, stderr).toBe(0);
      expect(stdout.trim()).toBe(`volume: ${Math.PI}`);
      const request = open.requests.at(-1)!;
      expect(request.headers['x-synthetic-key']).toBeUndefined();
      expect(request.headers['authorization']).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});

describe('spark services schema', () => {
  it('prints tables of inputs and outputs; --raw keeps the document', async () => {
    const table = await spark('services', 'schema', URI);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Inputs \(2\)\nNAME\s+TYPE\s+DEFAULT\s+CONSTRAINTS\nheight\s+NUMBER\s+\S+\nradius\s+NUMBER\s+\S+\n\nOutputs \(1\)\nNAME\s+TYPE\s+CELL\nvolume\s/);
    const raw = await spark('services', 'schema', URI, '--raw');
    expect(JSON.parse(raw.stdout)).toHaveProperty('xlInputs');
  });
});

describe('spark completion and help', () => {
  it('bash completion completes commands, subcommands and options', async () => {
    const script = (await runCli(['completion', 'bash'], cli.env)).stdout;
    const complete = async (...words: string[]) => {
      const cmd = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _spark; echo "\${COMPREPLY[*]}"`;
      return (await promisify(execFile)('bash', ['-c', cmd])).stdout.trim();
    };
    expect(await complete('spark', 'ser')).toBe('services');
    expect((await complete('spark', 'services', '')).split(' ')).toEqual(expect.arrayContaining(['execute', 'list', 'search', 'delete']));
    expect(await complete('spark', 'services', 'execute', URI, '--inp')).toBe('--inputs');
    expect(await complete('spark', 'batch', 'run', URI, '--res')).toBe('--resume');
    for (const shell of ['zsh', 'fish']) expect((await runCli(['completion', shell], cli.env)).code).toBe(0);
    expect((await runCli(['completion', 'tcsh'], cli.env)).code).toBe(2);
  });

  it('every subcommand’s help lists the global flags', async () => {
    for (const path of [['services', 'execute'], ['batch', 'run'], ['config', 'set'], ['folders', 'list'], ['auth', 'login']]) {
      const help = await runCli([...path, '--help'], cli.env);
      expect(help.code).toBe(0);
      for (const flag of ['--json', '--profile', '--base-url', '--debug']) expect(help.stdout, path.join(' ')).toContain(flag);
    }
  });

  it('names what to do when the server is down', async () => {
    const { code, stderr } = await runCli(['services', 'execute', URI, '--base-url', 'http://127.0.0.1:9/t', '--api-key', 'k', '--max-retries', '0'], cli.env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ECONNREFUSED .*Is Spark \(or `spark emulator start`\) running\? Check --base-url, CSPARK_BASE_URL/);
    // One piece of advice, in CLI terms: not the SDK's as well (which names its baseUrl option).
    expect(stderr).not.toContain('nothing is listening there');
  });

  it('names the flags when the base URL has no tenant', async () => {
    const { code, stderr } = await runCli(['services', 'execute', URI, '--base-url', 'http://127.0.0.1:9', '--api-key', 'k'], cli.env);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'error: no tenant: the first path segment of the base URL is the tenant ("http://127.0.0.1:9/my-tenant"); ' +
        'add it to --base-url, CSPARK_BASE_URL or the profile’s baseUrl, or pass --tenant\n',
    );
  });

  it('names what to do when the emulator’s port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const { code, stderr } = await runCli(['emulator', 'start', '--port', String(port)], cli.env);
      expect(code).toBe(1);
      expect(stderr).toMatch(/EADDRINUSE.* — that port is taken\. Pass another --port, or --port 0 for any free one/);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
