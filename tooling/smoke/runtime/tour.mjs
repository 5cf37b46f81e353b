// The runtime tour of one Node version: import, execute (functions and the sdk Client), a small
// runBatch, and `await using` shutdown. Prints one JSON line. Arguments: <baseUrl> <apiKey>.
// Node 24+ run it as is; for Node 22 the test lowers `using` with esbuild first.
import { apiKey, createClient } from '@spark/core';
import { executeService } from '@spark/services';
import { runBatch } from '@spark/batches';
import { Client } from '@spark/sdk';

const [baseUrl, key] = process.argv.slice(2);
const inputs = { radius: 2, height: 3 };
let closed;
let out;
{
  await using spark = createClient({ baseUrl, auth: apiKey(key), maxRetries: 0 });
  const volume = (await executeService(spark, 'my-folder/volume-cylinder', { inputs })).outputs[0]?.volume;
  using client = new Client({ baseUrl, apiKey: key, maxRetries: 0 });
  const clientVolume = (await client.services.execute('my-folder/volume-cylinder', { inputs })).outputs[0]?.volume;
  const records = Array.from({ length: 30 }, (_, i) => ({ radius: 1, height: i }));
  let batch = 0;
  for await (const result of runBatch(client.spark, 'my-folder/volume-cylinder', records, { chunkSize: 10 })) {
    if ('outputs' in result && Math.abs(result.outputs.volume - Math.PI * result.index) < 1e-9) batch++;
  }
  closed = () => ({ spark: spark.closed, client: client.closed });
  out = { runtime: `node ${process.versions.node}`, volume, clientVolume, batch };
}
// Both were closed when the block ended (`using` / `await using`).
console.log(JSON.stringify({ ...out, closed: closed() }));
