// Executes my-folder/volume-cylinder through @spark/core + @spark/services and prints one
// JSON line: { runtime, coreEntry, volume }. Arguments: <baseUrl> <apiKey>. Runs under Node, Bun, Deno.
import { apiKey, createClient } from '@spark/core';
import { executeService } from '@spark/services';

const [baseUrl, key] = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const runtime = globalThis.Deno ? `deno ${globalThis.Deno.version.deno}` : globalThis.Bun ? `bun ${globalThis.Bun.version}` : `node ${process.versions.node}`;
const spark = createClient({ baseUrl, auth: apiKey(key), maxRetries: 0, timeout: 20_000 });
try {
  const result = await executeService(spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
    // Which build of core this runtime picked (the `node` export condition or `default`).
  const coreEntry = String(import.meta.resolve('@spark/core')).split('/').pop();
  console.log(JSON.stringify({ runtime, coreEntry, volume: result.outputs[0]?.volume }));
} finally {
  spark.close();
}
