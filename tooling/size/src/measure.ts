import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { importChain } from './import-chain.js';
import type { SizeScenario } from './scenarios.js';

/** Size of one input module inside the output bundle. */
export interface ModuleShare {
  /** Input path as esbuild reports it (relative to this package). */
  path: string;
  /** Minified bytes this module contributes to the output. */
  bytes: number;
}

/** What bundling a scenario produced. */
export interface Measurement {
  id: string;
  /** Minified bytes. */
  minified: number;
  /** Minified + gzip level 9 bytes. */
  gzip: number;
  limitGzip: number;
  /** Every bundled input module, largest first. */
  modules: ModuleShare[];
  /** `node:` (or bare Node built-in) imports the bundle tried to make. */
  nodeImports: string[];
  /** Forbidden inputs that were found, with the reason they are forbidden. */
  violations: string[];
  metafile: Metafile;
}

const NODE_BUILTIN = /^(node:|(assert|buffer|child_process|crypto|dns|events|fs|fs\/promises|http|https|net|os|path|stream|stream\/promises|tls|url|util|worker_threads|zlib)$)/;

/** Keeps Node built-ins external and records them, so a leak is reported instead of failing resolution. */
function recordNodeImports(found: Set<string>): Plugin {
  return {
    name: 'record-node-imports',
    setup(b) {
      b.onResolve({ filter: NODE_BUILTIN }, (args) => {
        found.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles a scenario like a browser app would (esbuild, platform `browser`, the `default`
 * export condition, minified, tree-shaken) and measures minified and gzip bytes.
 *
 * @param scenario - the entry source and its budget
 * @param resolveDir - folder the entry's bare imports resolve from (this package)
 * @returns sizes, the per-module breakdown from the metafile and any violations
 * @example
 * const m = await measureScenario(EXECUTE_ONLY, packageDir);
 * console.log(m.gzip, m.modules.slice(0, 5));
 */
export async function measureScenario(scenario: SizeScenario, resolveDir: string): Promise<Measurement> {
  const nodeImports = new Set<string>();
  const result = await build({
    stdin: { contents: scenario.entry, resolveDir, sourcefile: `${scenario.id}.js`, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['default'],
    target: 'es2022',
    minify: true,
    treeShaking: true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [recordNodeImports(nodeImports)],
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const modules = Object.entries(output.inputs)
    .map(([path, info]) => ({ path, bytes: info.bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  // Only modules that kept bytes in the output count: esbuild lists tree-shaken modules too.
  const kept = new Set(modules.map((m) => m.path));
  const violations: string[] = [];
  for (const rule of scenario.forbidden ?? []) {
    for (const path of [...kept].filter((p) => rule.pattern.test(p))) {
      const by = keptImporters(result.metafile, kept, path).map(short);
      const chain = importChain(result.metafile, `${scenario.id}.js`, path);
      const via = by.length ? ` (kept by ${by.join(', ')})` : chain ? ` (imported via ${chain.map(short).join(' → ')})` : '';
      violations.push(`${short(path)}: ${rule.why}${via}`);
    }
  }
  for (const name of nodeImports) violations.push(`${name}: Node built-in imported by a browser bundle`);
  return {
    id: scenario.id,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    limitGzip: scenario.limitGzip,
    modules,
    nodeImports: [...nodeImports],
    violations,
    metafile: result.metafile,
  };
}

/**
 * Groups module bytes by package (`ky`, `valibot`, `@spark/core`, …) for reports.
 *
 * @param modules - the per-module breakdown of a measurement
 * @returns bytes per package, largest first
 * @example
 * byPackage(m.modules); // [['ky', 13900], ['valibot', 5000], …]
 */
export function byPackage(modules: ModuleShare[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const { path, bytes } of modules) {
    const key = packageOf(path);
    totals.set(key, (totals.get(key) ?? 0) + bytes);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Bundled modules (with bytes in the output) that import `target` directly. */
function keptImporters(metafile: Metafile, kept: Set<string>, target: string): string[] {
  return Object.entries(metafile.inputs)
    .filter(([path, input]) => kept.has(path) && input.imports.some((i) => i.path === target))
    .map(([path]) => path);
}

function short(path: string): string {
  return path.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+packages\//, '');
}

function packageOf(path: string): string {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ws = /packages\/([^/]+)\//.exec(path);
  if (ws) return `@spark/${ws[1]}`;
  return path;
}
