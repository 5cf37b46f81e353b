import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliSuite } from './cli-suite.js';

const cli = cliSuite('types');
const { spark } = cli;
// A service whose input description carries terminal controls (clear the screen, write the clipboard).
const HOSTILE = 'rate\x1b[2J\x1b]52;c;cHduZWQ=\x07 in %';
beforeAll(() => {
  cli.emu.addModel('my-folder/hostile', { execute: (i) => ({ y: i['rate'] }), inputs: [{ name: 'rate', description: HOSTILE, defaultValue: 1 }], outputs: ['y'] });
});

describe('spark types', () => {
  it('writes the types of several services to --out', async () => {
    const { code, stderr, stdout } = await spark('types', 'my-folder/volume-cylinder', 'my-folder/loan-payment', '--out', 'spark-types.ts');
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('wrote 2 service types to spark-types.ts');
    const text = await readFile(join(cli.dir, 'spark-types.ts'), 'utf8');
    expect(text).toContain('export const volumeCylinder = defineService<VolumeCylinderInputs, VolumeCylinderOutputs>("my-folder/volume-cylinder");');
    expect(text).toContain('years?: 10 | 15 | 20 | 25 | 30;');
  });

  it('prints to stdout, with the schema and another import when asked', async () => {
    const { code, stderr, stdout } = await spark('types', 'my-folder/sum', '--schema', '--import-from', '@spark/sdk');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('import { defineService } from "@spark/sdk";');
    expect(stdout).toContain('defineService<SumInputs, SumOutputs>("my-folder/sum", { inputSchema: {"type":"object","additionalProperties":false,"properties":{"a":{"type":"number"},"b":{"type":"number"}}}, checkInputs });');
    expect(stdout).toContain('import { checkInputs } from "@spark/sdk";');
  });

  it('fails with Spark\'s 404 for an unknown service, writing nothing', async () => {
    const { code, stderr } = await spark('types', 'my-folder/nope', '--out', 'nope.ts');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/404|not found/i);
    await expect(readFile(join(cli.dir, 'nope.ts'))).rejects.toThrow(/ENOENT/);
  });

  it('escapes a server\'s terminal controls in the code it prints, and writes them as sent to --out', async () => {
    const printed = await spark('types', 'my-folder/hostile');
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(printed.stdout).toContain('rate\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07 in %');
    const written = await spark('types', 'my-folder/hostile', '--out', 'hostile.ts');
    expect(written.code, written.stderr).toBe(0);
    expect(await readFile(join(cli.dir, 'hostile.ts'), 'utf8')).toContain(HOSTILE);
  });
});
