// Preloaded with `--import`: registers the hooks above and exposes `globalThis.__loadedModules()`,
// the file modules loaded since: ESM through the `load` hook, plus CommonJS files from
// `require.cache` (Node 20 does not run hooks for `require()` calls inside CommonJS packages).
import { statSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const urls = new Set();
port1.on('message', (url) => urls.add(url));
port1.unref();
register('./module-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

globalThis.__loadedModules = async () => {
  await new Promise((r) => setTimeout(r, 200)); // let the last hook messages arrive
  for (const file of Object.keys(createRequire(import.meta.url).cache)) urls.add(pathToFileURL(file).href);
  const files = [...urls].filter((u) => u.startsWith('file:') && !u.includes('/bench/import/'));
  const bytes = files.reduce((n, u) => n + statSync(new URL(u)).size, 0);
  return { modules: files.length, bytes };
};
