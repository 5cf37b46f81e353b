import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from 'esbuild';
import ts from 'typescript';
import { generateServiceTypes } from '@spark/codegen';
import { createClient } from '@spark/core';
import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFiles, extractBlocks, type DocBlock } from '../src/doc-blocks.js';
import { ROOT, SMOKE_DIR } from '../src/packages.js';
import { run } from '../src/run.js';
import { samplePath } from '../../test-utils/src/samples.js';

// Docs that cannot rot: every fenced ts/js block of README.md, docs/*.md and the READMEs of
// packages/* and apps/* is type-checked as a file of its own (strict, as a user's project
// would) and run with Node against the emulator it starts itself. Blocks tagged `tenant`
// (```ts tenant) need a real Spark tenant: type-checked only. The blocks are written under
// tooling/smoke/.docs-blocks/ so that `@spark/*` resolves to this package's dependencies, and
// run there: a block that reads `./volume-cylinder.zip` (a service's export package, as a user
// would have saved one) finds the Spark API sample there (../shared/spark-api/samples). Each
// block is a program of its own (imports, client, close); they share the one emulator, in
// order, so a block that creates folders, services or transforms names them its own way and
// removes them when it can.
const DIR = join(SMOKE_DIR, '.docs-blocks');
// DOCS_SKIP (a regular expression of repo-relative paths) leaves files out while you debug one:
// DOCS_SKIP='^(?!packages/batches/README\.md$)' runs only the batches README's blocks.
const SKIP = process.env['DOCS_SKIP'] ? new RegExp(process.env['DOCS_SKIP']) : undefined;
// The only files with blocks tagged `tenant`, and why the emulator cannot stand in: anything it
// can serve runs. A new `tenant` tag comes with its reason here.
const TENANT_ONLY: Record<string, string> = {
  'docs/services.md': 'compiles a real Excel workbook (pricing.xlsx): the emulator compiles no Excel',
  'packages/health/README.md': "checkHealthAt('uat.us') and the public Spark host names reach Spark itself",
};
const BLOCKS: (DocBlock & { file: string })[] = docFiles()
  .filter((file) => !SKIP?.test(relative(ROOT, file)))
  .flatMap(extractBlocks)
  .map((block, i) => ({ ...block, file: join(DIR, `${String(i).padStart(3, '0')}-${block.where.replace(/[^a-z0-9]+/gi, '-')}.${block.lang === 'ts' ? 'ts' : 'mjs'}`) }));

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
for (const block of BLOCKS) writeFileSync(block.file, block.code);
// A block tagged `file=NAME.ts` is what a later block imports as `./NAME.js`: saved as NAME.ts
// for the type-check, and as NAME.js (transpiled in beforeAll) for the runs.
const SAVED = BLOCKS.filter((b): b is typeof b & { saveAs: string } => b.saveAs !== undefined);
for (const block of SAVED) writeFileSync(join(DIR, block.saveAs), block.code);
copyFileSync(samplePath('volume-cylinder.zip'), join(DIR, 'volume-cylinder.zip'));

// The guides' set-up (docs/getting-started.md): an emulator at http://127.0.0.1:3000 and
// CSPARK_BASE_URL / CSPARK_API_KEY pointing at it. The test starts one on a free port instead
// and puts its address wherever a block says http://127.0.0.1:3000; no other CSPARK_* variable
// reaches a block. A hybrid runner's default address, http://localhost:3000, gets a second
// emulator started with openAccess (a runner authenticates no caller), as docs/hybrid.md does.
const GUIDE_ORIGIN = 'http://127.0.0.1:3000';
const RUNNER_ORIGIN = 'http://localhost:3000';
let emulator: Emulator;
let runner: Emulator;
let env: Record<string, string | undefined>;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  runner = await startEmulator({ port: 0, openAccess: true });
  for (const block of SAVED) {
    const { code } = await transform(block.code, { loader: 'ts', format: 'esm', target: 'node20', sourcefile: block.where });
    writeFileSync(join(DIR, block.saveAs.replace(/\.ts$/, '.js')), code);
  }
  env = {
    ...Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('CSPARK_')).map((k) => [k, undefined])),
    CSPARK_BASE_URL: `${new URL(emulator.baseUrl).origin}/my-tenant`,
    CSPARK_API_KEY: 'test-api-key',
  };
});
afterAll(async () => {
  await Promise.all([emulator?.close(), runner?.close()]);
});

describe('code blocks in the docs', () => {
  it.skipIf(SKIP)('finds the blocks', () => {
    expect(BLOCKS.length).toBeGreaterThan(100);
  });

  it.skipIf(SKIP)('tags `tenant` only where the emulator cannot serve the block', () => {
    const tagged = [...new Set(BLOCKS.filter((b) => b.tenant).map((b) => b.where.split(':')[0]))];
    expect(tagged.sort()).toEqual(Object.keys(TENANT_ONLY).sort());
  });

  // docs/typed-services.md shows the module codegen writes (and its Use block imports it): it
  // must stay what generateServiceTypes really writes for the emulator's volume-cylinder.
  it.skipIf(SKIP)('the generated spark-types.ts shown in the docs is what codegen writes', async () => {
    const shown = SAVED.find((b) => b.saveAs === 'spark-types.ts');
    expect(shown?.where).toMatch(/^docs\/typed-services\.md:/);
    using spark = createClient({ baseUrl: emulator.baseUrl, apiKey: 'test-api-key' });
    expect(await generateServiceTypes(spark, ['my-folder/volume-cylinder'])).toBe(`${shown!.code}\n`);
  });

  it('type-check (strict; js blocks for syntax)', () => {
    const program = ts.createProgram(BLOCKS.map((b) => b.file), {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.esnext.disposable.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      moduleDetection: ts.ModuleDetectionKind.Force,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowJs: true,
      checkJs: false,
      types: ['node'],
    });
    const byFile = new Map(BLOCKS.map((b) => [b.file, b]));
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const block = d.file ? byFile.get(d.file.fileName) : undefined;
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!block || !d.file || d.start === undefined) return message;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${block.where.split(':')[0]}:${block.firstLine + line}: ${message}`;
    });
    expect(errors).toEqual([]);
  }, 120_000);

  for (const block of BLOCKS.filter((b) => !b.tenant)) {
    it(`runs ${block.where} against the emulator`, async () => {
      const source = block.code.replaceAll(GUIDE_ORIGIN, emulator.url).replaceAll(RUNNER_ORIGIN, runner.url);
      const { code } = await transform(source, { loader: block.lang, format: 'esm', target: 'node20', sourcefile: block.where });
      const file = block.file.replace(/\.(ts|mjs)$/, '.run.mjs');
      writeFileSync(file, code);
      const result = await run(process.execPath, [file], { cwd: DIR, env, timeoutMs: 60_000 });
      expect(result.code, `${block.where} exited ${result.code}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }, 90_000);
  }
});
