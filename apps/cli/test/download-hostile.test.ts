import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeSpark } from './fake-spark.js';
import { cleanEnv, runCli } from './helpers.js';

// A hostile Spark: every download answers with a file name of its choosing.
let fileName = '.bashrc';
let cwd: string;
const spark = fakeSpark('download', (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${fileName}"` });
  res.end('PWNED');
});

let n = 0;
beforeEach(async () => {
  cwd = join(spark.root, `case-${n++}`, 'work');
  await mkdir(cwd, { recursive: true });
  spark.requests = 0;
});

const download = (...args: string[]) =>
  runCli(['services', 'download', 'f/cylinder', '--base-url', spark.baseUrl, '--api-key', 'k', '--max-retries', '0', ...args], cleanEnv(spark.root), cwd);

describe('spark services download against a hostile server', () => {
  it('never writes a dot file the server names (filename=".bashrc")', async () => {
    fileName = '.bashrc';
    await writeFile(join(cwd, '.bashrc'), 'mine');
    const { code, stderr } = await download();
    expect(code, stderr).toBe(0);
    expect(await readFile(join(cwd, '.bashrc'), 'utf8')).toBe('mine');
    expect(await readFile(join(cwd, 'cylinder.xlsx'), 'utf8')).toBe('PWNED');
    expect(stderr).toMatch(/not using the file name the server sent \(".bashrc"\)/);
  });

  it('never writes outside the current directory (filename="../x", "..\\\\y", "/tmp/z")', async () => {
    for (const name of ['../x', '..\\y', `${spark.root}/z`]) {
      fileName = name;
      await rm(join(cwd, 'cylinder.xlsx'), { force: true });
      const { code, stderr } = await download();
      expect(code, stderr).toBe(0);
      expect(await readdir(cwd)).toEqual(['cylinder.xlsx']);
    }
    expect(existsSync(join(cwd, '..', 'x'))).toBe(false);
    expect(existsSync(join(spark.root, 'z'))).toBe(false);
  });

  it('never writes outside the current directory when the fallback name comes from a service name with slashes', async () => {
    fileName = '.bashrc';
    const { code, stderr } = await runCli(
      ['services', 'download', 'f/a/../../escaped', '--base-url', spark.baseUrl, '--api-key', 'k', '--max-retries', '0'],
      cleanEnv(spark.root),
      cwd,
    );
    expect(code, stderr).toBe(0);
    expect(existsSync(join(cwd, '..', 'escaped.xlsx'))).toBe(false);
    expect(await readdir(cwd)).toEqual(['service.xlsx']);
    expect(await readFile(join(cwd, 'service.xlsx'), 'utf8')).toBe('PWNED');
    expect(stderr).toMatch(/writing service\.xlsx/);
  });

  it('never overwrites an existing file without --force, and leaves no temporary file', async () => {
    fileName = 'book.xlsx';
    await writeFile(join(cwd, 'book.xlsx'), 'mine');
    const refused = await download();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/book\.xlsx already exists: pass --force to replace it/);
    expect(await readFile(join(cwd, 'book.xlsx'), 'utf8')).toBe('mine');
    expect(await readdir(cwd)).toEqual(['book.xlsx']);

    // --output naming an existing file is refused before anything is downloaded.
    spark.requests = 0;
    const output = await download('--output', 'book.xlsx');
    expect(output.code).toBe(2);
    expect(spark.requests).toBe(0);

    const forced = await download('--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(join(cwd, 'book.xlsx'), 'utf8')).toBe('PWNED');
    expect(await readdir(cwd)).toEqual(['book.xlsx']);
  });
});
