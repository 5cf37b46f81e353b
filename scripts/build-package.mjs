// Builds one SDK package (run from its folder by its `build` script):
//   dist/**/*.js, *.d.ts  tsc, one file per source module: the `default` export condition, for
//                         browsers and apps' bundlers, which tree-shake whole modules away.
//   dist/index.node.js    the `node` export condition: src/index.node.ts (or src/index.ts) bundled
//                         by esbuild into one file, valibot inlined. Node then reads and compiles
//                         one file per package instead of one per source module, and only the
//                         valibot functions the package uses instead of all of valibot
//                         (bench/import.mjs: `import('@spark/sdk')` loads 12 files, not 181).
// A dynamic `import()` becomes its own file under dist/chunks/, so lazily loaded code stays lazy.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Dependencies inlined into the Node bundle: small once tree-shaken, slow to load whole (~10 ms). */
const INLINE_FOR_NODE = new Set(['valibot']);

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
rmSync(join(dir, 'dist'), { recursive: true, force: true });

const tsc = createRequire(join(dir, 'package.json')).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });

await build({
  absWorkingDir: dir,
  entryPoints: { 'index.node': existsSync(join(dir, 'src/index.node.ts')) ? 'src/index.node.ts' : 'src/index.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...deps.filter((d) => !INLINE_FOR_NODE.has(d)), 'node:*'],
  // Less source to read and compile on import; identifiers stay, so stack traces keep their names.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
