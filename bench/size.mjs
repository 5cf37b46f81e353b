// Browser bundle sizes of the import scenarios (tooling/size: esbuild, browser, min+gz), for the
// goals table. tooling/size is TypeScript: esbuild bundles its measuring code into a scratch
// file under its own node_modules/.cache (so its imports resolve) and this imports that.
// Usage: node bench/size.mjs
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SIZE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tooling', 'size');

/** Measures the execute-only and full-Client scenarios; returns rows and { id: { gzip, limitGzip, report } }. */
export async function runSizeBench() {
  const { build } = await import(pathToFileURL(createRequire(join(SIZE_DIR, 'package.json')).resolve('esbuild')).href);
  const cache = join(SIZE_DIR, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, 'bench-size.mjs');
  await build({
    stdin: { contents: "export { measureScenario } from './src/measure.ts'; export { formatReport } from './src/report.ts'; export { EXECUTE_ONLY, FULL_CLIENT } from './src/scenarios.ts';", resolveDir: SIZE_DIR, loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning',
  });
  const size = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  const results = {};
  const rows = [];
  for (const scenario of [size.EXECUTE_ONLY, size.FULL_CLIENT]) {
    const m = await size.measureScenario(scenario, SIZE_DIR);
    results[m.id] = { gzip: m.gzip, limitGzip: m.limitGzip, report: size.formatReport(m, 6) };
    rows.push({ scenario: m.id, 'min KB': (m.minified / 1000).toFixed(2), 'min+gz KB': (m.gzip / 1000).toFixed(2), 'CI budget KB': (m.limitGzip / 1000).toFixed(2),
      'largest modules (min bytes)': m.modules.slice(0, 4).map((x) => `${x.path.replace(/^.*node_modules\//, '').replace(/^.*packages\//, '')} ${x.bytes}`).join(', ') });
  }
  return { title: 'browser bundles (tooling/size scenarios: esbuild, browser platform, minified + gzip -9; 1 KB = 1,000 B)', rows, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { table } = await import('./lib.mjs');
  const { title, rows, results } = await runSizeBench();
  console.log(title);
  table(rows);
  for (const r of Object.values(results)) console.log(r.report);
}
