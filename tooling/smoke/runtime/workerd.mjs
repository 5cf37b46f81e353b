// Runs runtime/worker.mjs (bundled for workers) in workerd through miniflare and prints the
// worker's JSON answer. Needs Node 22+ (miniflare's engines). Arguments:
// <miniflare package folder> <bundled worker file> <baseUrl> <apiKey>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [miniflareDir, bundle, baseUrl, key] = process.argv.slice(2);
const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
const { Miniflare } = await import(pathToFileURL(join(miniflareDir, 'dist/src/index.js')).href);
const mf = new Miniflare({
  modules: true,
  script: readFileSync(bundle, 'utf8'),
  compatibilityDate: '2026-07-01',
  bindings: { SPARK_BASE_URL: baseUrl, SPARK_API_KEY: key },
});
try {
  const response = await mf.dispatchFetch('http://worker.local/');
  const text = await response.text();
  const runtime = `workerd ${version(join(miniflareDir, '..', 'workerd'))} (miniflare ${version(miniflareDir)})`;
  console.log(JSON.stringify({ runtime, status: response.status, body: text }));
} finally {
  await mf.dispose();
}
