// Imports @spark/sdk, executes once over plain http, then once over https to a closed local
// port, and prints one JSON line: which Node built-ins were loaded at each step, and the
// file each @spark package resolved to. Arguments: <http baseUrl> <apiKey>.
import { Client } from '@spark/sdk';

const [baseUrl, key] = process.argv.slice(2);
const WATCH = ['https', 'tls', 'zlib', 'fs/promises', 'internal/deps/undici/undici'];
const loaded = () => WATCH.filter((name) => process.moduleLoadList.includes(`NativeModule ${name}`));

const afterImport = loaded();
const client = new Client({ baseUrl, apiKey: key, maxRetries: 0, timeout: 20_000 });
const out = await client.services.execute('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
client.close();
const afterHttp = loaded();

// Nothing listens on port 9 of 127.0.0.1: the request fails, but only after https was needed.
const secure = new Client({ baseUrl: 'https://127.0.0.1:9/my-tenant', apiKey: key, maxRetries: 0, timeout: 5_000 });
const failure = await secure.services.execute('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } }).catch((error) => error.name);
secure.close();
const afterHttps = loaded();

const resolved = Object.fromEntries(['@spark/sdk', '@spark/core', '@spark/services', '@spark/batches']
  .map((name) => [name, String(import.meta.resolve(name)).split('/').slice(-2).join('/')]));
console.log(JSON.stringify({ afterImport, afterHttp, afterHttps, volume: out.outputs[0]?.volume, failure, resolved }));
