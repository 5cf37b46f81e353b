// Cold import time of `@spark/sdk` vs `undici`: each import runs in a fresh `node` process
// spawned from this folder, N times alternating, and the median is reported. Modules loaded are
// counted in a separate run with a `--import` preload that registers `module.register` load hooks
// (ESM) and reads `require.cache` (CommonJS), so the counting never slows the timed runs.
// Usage: node bench/import.mjs [--runs 7]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmt, median, table } from './lib.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SPECIFIERS = ['@spark/sdk', '@spark/core', 'undici'];
const node = (args) => execFileSync(process.execPath, args, { cwd: HERE, encoding: 'utf8' }).trim();

/** Times one cold import in a fresh process (ms, measured inside it around `await import()`). */
export function timeImport(specifier) {
  return Number(node(['--input-type=module', '-e', `const t=performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now()-t)`]));
}

/** Counts the modules (and their bytes on disk) that importing `specifier` loads. */
export function countModules(specifier) {
  return JSON.parse(node(['--import', './import/count-modules.mjs', '--input-type=module', '-e',
    `await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(await globalThis.__loadedModules()))`]));
}

/** @param {{ runs?: number, specifiers?: string[] }} options */
export async function runImportBench({ runs = 7, specifiers = SPECIFIERS } = {}) {
  const times = Object.fromEntries(specifiers.map((s) => [s, []]));
  for (let i = 0; i < runs; i++) for (const s of specifiers) times[s].push(timeImport(s));
  const results = {};
  for (const s of specifiers) results[s] = { median: median(times[s]), min: Math.min(...times[s]), max: Math.max(...times[s]), ...countModules(s) };
  const ref = results.undici?.median;
  const rows = specifiers.map((s) => ({ import: s, 'median ms': fmt(results[s].median, 1), 'min–max ms': `${fmt(results[s].min, 1)}–${fmt(results[s].max, 1)}`,
    'vs undici': ref ? fmt(results[s].median / ref, 2) + '×' : '-', modules: results[s].modules, 'KiB on disk': fmt(results[s].bytes / 1024) }));
  const title = `cold import (Node ${process.versions.node}; \`node --input-type=module -e "const t=performance.now(); await import(X); console.log(performance.now()-t)"\` from bench/, ${runs} fresh processes each, alternating; modules counted with module.register load hooks + require.cache)`;
  return { title, rows, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
  const { title, rows } = await runImportBench({ runs: Number(values.runs) });
  console.log(title);
  table(rows);
}
