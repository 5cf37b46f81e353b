// Builds one SDK package (run from its folder by its `build` script):
//   dist/**/*.js, *.d.ts  tsc, one file per source module: the `default` export condition, for
//                         browsers and apps' bundlers, which tree-shake whole modules away.
//   dist/index.node.js    the `node` export condition: src/index.node.ts (or src/index.ts) bundled
//                         by esbuild into one file. Node then reads and compiles one file per
//                         package instead of one per source module, and, through core's
//                         bundle, one copy of the valibot functions the SDK uses instead of all
//                         of valibot. With the sdk's bundle carrying the resource packages it
//                         can carry (below), `import('@spark/sdk')` reads 4 files, not one per
//                         source module (over 200).
// A dynamic `import()` becomes its own file under dist/chunks/, so lazily loaded code stays lazy.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle-options.mjs';

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

const shared = { ...NODE_BUNDLE, absWorkingDir: dir, outdir: 'dist' };

// valibot is never imported whole (206 KB, about 10 ms to load). Core's Node bundle carries the
// one Node copy of the valibot functions the SDK uses (src/valibot-functions.ts) and of its shared
// helpers (`@spark/core/wire`, src/wire.ts), each as an internal frozen object. Every other
// package's Node bundle reads them from there through the `@spark/core` specifier it imports anyway:
// Node 20 pays 0.2-0.5 ms for each package specifier it resolves per importing file, and
// `@spark/core/valibot` + `@spark/core/wire` were 8 of the 14 that `import('@spark/sdk')` resolved
// (bench/first-call.mjs). In core, wire's modules import the rest of core through
// src/public-api.ts, which is then inside the same bundle: one SparkSdkError class.
const OWN_VALIBOT = '@spark/core/valibot';
const CARRIED = { [OWN_VALIBOT]: '__sparkValibot', '@spark/core/wire': '__sparkWire' };
/** The local binding of a carried export: suffixed, as some names (valibot's `function`, `null`, `void`, `enum`) cannot be bindings. */
const local = (name) => `${name}_`;
const ownsValibot = existsSync(join(dir, 'src/valibot-functions.ts'));
const coreEntry = existsSync(join(dir, 'src/index.node.ts')) ? 'src/index.node.ts' : 'src/index.ts';
// @spark/sdk's Node bundle also carries the resource packages it re-exports (not core, which
// owns the errors, the client and the valibot copy): resolving eleven package names through
// node_modules costs Node more than compiling their code (bench/import.mjs: 49 -> 33 ms).
// A package that exports a class (an error, `Pipeline`) is not carried: a copy of a class is
// another class, and `instanceof` would fail between `@spark/sdk` and the package itself. It
// stays an import, and so do the @spark packages it imports, so none is loaded twice.
const resources = pkg.name === '@spark/sdk' ? inlinable(deps.filter((d) => d.startsWith('@spark/') && d !== '@spark/core')) : [];
await build({
  ...shared,
  entryPoints: { 'index.node': ownsValibot ? 'spark-core-node-entry' : coreEntry },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  external: [...deps.filter((d) => d !== 'valibot' && !resources.includes(d)), 'node:*'],
  conditions: ['node'],
  plugins: [ownsValibot ? await coreNodeEntry() : readCarried()],
});
// `@spark/core/valibot` and `@spark/core/wire` still resolve in Node (for a resource package
// built before core carried them): two facades over core's carried objects.
if (ownsValibot) {
  for (const [file, specifier] of [['valibot.node', OWN_VALIBOT], ['wire.node', '@spark/core/wire']]) {
    await build({ ...shared, entryPoints: { [file]: specifier }, external: [pkg.name], plugins: [readCarried()] });
  }
}

/**
 * Core's Node entry: its public API plus the two carried namespaces, as plain frozen objects (an
 * `export * as` namespace would make esbuild split its `__export` helper into a chunk of its own,
 * one more file for Node to load).
 */
async function coreNodeEntry() {
  const carry = async (file, space) => {
    const names = await exportNames(file);
    return [
      `import { ${names.map((name) => `${name} as ${local(name)}`).join(', ')} } from './${file}';`,
      `export const ${space} = Object.freeze({ ${names.map((name) => `${name}: ${local(name)}`).join(', ')} });`,
    ];
  };
  const source = [
    `export * from './${coreEntry}';`,
    ...(await carry('src/valibot-functions.ts', CARRIED[OWN_VALIBOT])),
    ...(await carry('src/wire.ts', CARRIED['@spark/core/wire'])),
  ].join('\n');
  return {
    name: 'spark-core-node-entry',
    setup(b) {
      b.onResolve({ filter: /^spark-core-node-entry$/ }, () => ({ path: 'entry', namespace: 'spark-core-node-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'spark-core-node-entry' }, () => ({ contents: source, resolveDir: dir, loader: 'js' }));
    },
  };
}

/** The names a source module exports (values only), read by esbuild. */
async function exportNames(file) {
  const result = await build({ ...shared, entryPoints: [file], write: false, metafile: true, packages: 'external', sourcemap: false });
  return Object.values(result.metafile.outputs).flatMap((output) => (output.entryPoint ? output.exports : []));
}

/** Turns `valibot`, `@spark/core/valibot` and `@spark/core/wire` into reads of core's carried objects. */
function readCarried() {
  let names;
  return {
    name: 'read-carried',
    setup(b) {
      b.onResolve({ filter: /^(valibot|@spark\/core\/(valibot|wire))$/ }, (args) => ({ path: args.path === 'valibot' ? OWN_VALIBOT : args.path, namespace: 'carried' }));
      b.onLoad({ filter: /.*/, namespace: 'carried' }, async (args) => {
        const space = CARRIED[args.path];
        names ??= await carriedNames();
        const list = names[space];
        const reads = list.map((name) => `const ${local(name)} = ns.${name};`).join('\n');
        const exported = list.map((name) => `${local(name)} as ${name}`).join(', ');
        return { contents: `import { ${space} as ns } from '@spark/core';\n${reads}\nexport { ${exported} };`, resolveDir: dir, loader: 'js' };
      });
    },
  };
}

/** The names in core's carried objects, read from its built Node bundle. */
async function carriedNames() {
  const file = ownsValibot ? join(dir, 'dist/index.node.js') : createRequire(join(dir, 'package.json')).resolve('@spark/core');
  const core = await import(pathToFileURL(file).href);
  return Object.fromEntries(Object.values(CARRIED).map((space) => [space, Object.keys(core[space])]));
}

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
