// Executes my-folder/volume-cylinder twice, through the function layer (@spark/core +
// @spark/services) and through the `Client` of @spark/sdk, and prints one JSON line:
// { runtime, coreEntry, volume, clientVolume }. Arguments: <baseUrl> <apiKey>.
// Runs unchanged under Node, Bun and Deno.
import { apiKey, createClient } from '@spark/core';
import { executeService } from '@spark/services';
import { Client } from '@spark/sdk';

const [baseUrl, key] = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const runtime = globalThis.Deno ? `deno ${globalThis.Deno.version.deno}` : globalThis.Bun ? `bun ${globalThis.Bun.version}` : `node ${process.versions.node}`;
const inputs = { radius: 2, height: 3 };

const spark = createClient({ baseUrl, auth: apiKey(key), maxRetries: 0, timeout: 20_000 });
let volume;
try {
  volume = (await executeService(spark, 'my-folder/volume-cylinder', { inputs })).outputs[0]?.volume;
} finally {
  spark.close();
}

const client = new Client({ baseUrl, apiKey: key, maxRetries: 0, timeout: 20_000 });
let clientVolume;
try {
  clientVolume = (await client.services.execute('my-folder/volume-cylinder', { inputs })).outputs[0]?.volume;
} finally {
  client.close();
}

// Which build of core this runtime picked (the `node` export condition or `default`).
const coreEntry = String(import.meta.resolve('@spark/core')).split('/').pop();
console.log(JSON.stringify({ runtime, coreEntry, volume, clientVolume }));
