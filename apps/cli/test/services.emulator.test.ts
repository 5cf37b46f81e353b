import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSuite } from './cli-suite.js';

const URI = 'my-folder/volume-cylinder';
const cli = cliSuite('services');
const { spark } = cli;

describe('spark services schema|versions|metadata|download', () => {
  it('prints the schema', async () => {
    const { code, stderr, stdout } = await spark('services', 'schema', URI, '--json');
    expect(code, stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(stdout))).toContain('radius');
  });

  it('lists the versions', async () => {
    const { code, stderr, stdout } = await spark('services', 'versions', URI, '--json');
    expect(code, stderr).toBe(0);
    const versions = JSON.parse(stdout);
    expect(Array.isArray(versions)).toBe(true);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions[0]).toHaveProperty('id');
    const human = await spark('services', 'versions', URI);
    expect(human.stdout).toContain(versions[0].id);
  });

  it('prints the metadata', async () => {
    const { code, stderr, stdout } = await spark('services', 'metadata', URI, '--json');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('response_data');
  });

  it('downloads the workbook to --output', async () => {
    const path = join(cli.dir, 'cylinder.xlsx');
    const { code, stderr, stdout } = await spark('services', 'download', URI, '--output', path, '--json');
    expect(code, stderr).toBe(0);
    const saved = JSON.parse(stdout);
    expect(saved.path).toBe(path);
    const bytes = await readFile(path);
    expect(bytes.length).toBe(saved.bytes);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await stat(path)).size).toBeGreaterThan(0);
  });

  it('an unknown service exits 1 (404)', async () => {
    const { code, stderr } = await spark('services', 'schema', 'my-folder/no-such-service');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 404 /);
  });
});

describe('spark logs get', () => {
  it('gets the log of a prior execution', async () => {
    const run = await spark('services', 'execute', URI, '--inputs', '{"radius":3,"height":1}', '--json');
    const callId = JSON.parse(run.stdout).call_id as string;
    const { code, stderr, stdout } = await spark('logs', 'get', callId, '--json');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(callId);
    const human = await spark('logs', 'get', callId);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(callId);
  });
});
