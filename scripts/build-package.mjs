// Builds one SDK package (run from its folder by its `build` script):
//   dist/**/*.js, *.d.ts  tsc, one file per source module: the `default` export condition, for
//                         browsers and apps' bundlers, which tree-shake whole modules away.
//   dist/index.node.js    the `node` export condition: src/index.node.ts (or src/index.ts) bundled
//                         by esbuild into one file. Node then reads and compiles one file per
//                         package instead of one per source module, and, through
//                         @spark/core/valibot, one copy of the valibot functions the SDK uses
//                         instead of all of valibot. With the sdk's bundle carrying the resource
//                         packages it can carry (below), `import('@spark/sdk')` reads 6 files, not 181.
// A dynamic `import()` becomes its own file under dist/chunks/, so lazily loaded code stays lazy.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
rmSync(join(dir, 'dist'), { recursive: true, force: true });

// Core's VERSION (sent in User-Agent and x-spark-ua) must be its package.json version.
if (pkg.name === '@spark/core') {
  execFileSync(process.execPath, [join(dir, '../../scripts/sync-version.mjs'), '--check'], { stdio: 'inherit' });
}

const tsc = createRequire(join(dir, 'package.json')).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });

const shared = {
  absWorkingDir: dir,
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // No minifyWhitespace: the bundle keeps one statement per line, so the source line Node prints
  // above an uncaught error's stack is one line of code, not the whole 50 KB bundle, and stack
  // traces name real lines of dist/index.node.js. The source map (read by
  // `node --enable-source-maps`) points them at src/.
  sourcemap: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
};

// valibot is never imported whole (206 KB, about 10 ms to load). Core ships the one Node copy of
// the functions the SDK uses (src/valibot-functions.ts); every other package's Node bundle
// imports them from there instead of inlining its own copy.
const OWN_VALIBOT = '@spark/core/valibot';
const ownsValibot = existsSync(join(dir, 'src/valibot-functions.ts'));
if (ownsValibot) {
  await build({ ...shared, entryPoints: { 'valibot.node': 'src/valibot-functions.ts' } });
}
// Core's `@spark/core/wire` (the helpers resource packages share: call options, dates, ...) is
// its own Node bundle too. Its modules reach the rest of core only through src/public-api.ts,
// which this build turns into an import of `@spark/core`: one SparkSdkError class in Node.
if (pkg.name === '@spark/core' && existsSync(join(dir, 'src/wire.ts'))) {
  const publicApiAsPackage = {
    name: 'public-api-as-package',
    setup(b) {
      b.onResolve({ filter: /\/public-api\.js$/ }, () => ({ path: pkg.name, external: true }));
    },
  };
  await build({
    ...shared,
    entryPoints: { 'wire.node': 'src/wire.ts' },
    external: [pkg.name, 'node:*'],
    alias: { valibot: OWN_VALIBOT },
    plugins: [publicApiAsPackage],
  });
}
// @spark/sdk's Node bundle also carries the resource packages it re-exports (not core, which
// owns the errors, the client and the valibot copy): resolving eleven package names through
// node_modules costs Node more than compiling their code (bench/import.mjs: 49 -> 33 ms).
// A package that exports a class (an error, `Pipeline`) is not carried: a copy of a class is
// another class, and `instanceof` would fail between `@spark/sdk` and the package itself. It
// stays an import, and so do the @spark packages it imports, so none is loaded twice.
const resources = pkg.name === '@spark/sdk' ? inlinable(deps.filter((d) => d.startsWith('@spark/') && d !== '@spark/core')) : [];
await build({
  ...shared,
  entryPoints: { 'index.node': existsSync(join(dir, 'src/index.node.ts')) ? 'src/index.node.ts' : 'src/index.ts' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  external: [...deps.filter((d) => d !== 'valibot' && !resources.includes(d)), OWN_VALIBOT, 'node:*'],
  conditions: ['node'],
  ...(ownsValibot ? {} : { alias: { valibot: OWN_VALIBOT } }),
});

/** The resource packages the sdk may inline: those without classes, nor imported by one with. */
function inlinable(names) {
  const require = createRequire(join(dir, 'package.json'));
  const root = (name) => join(require.resolve(`${name}/package.json`), '..');
  const sparkDeps = (name) => {
    const json = JSON.parse(readFileSync(join(root(name), 'package.json'), 'utf8'));
    return Object.keys({ ...json.dependencies, ...json.peerDependencies }).filter((d) => d.startsWith('@spark/') && d !== '@spark/core');
  };
  const kept = new Set();
  const keep = (name) => {
    if (kept.has(name)) return;
    kept.add(name);
    sparkDeps(name).forEach(keep);
  };
  for (const name of names) if (declaresClass(join(root(name), 'dist'))) keep(name);
  return names.filter((name) => !kept.has(name));
}

/** Whether a built package's declarations export a class. */
function declaresClass(folder) {
  return readdirSync(folder, { recursive: true }).some(
    (file) => String(file).endsWith('.d.ts') && /^export declare (abstract )?class /m.test(readFileSync(join(folder, String(file)), 'utf8')),
  );
}
