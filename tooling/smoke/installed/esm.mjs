// ESM consumer of the packed tarballs (copied into a plain npm project outside the workspace).
// Prints one JSON line: { volume, batch }.
import { startEmulator } from '@spark/emulator';
import { Client } from '@spark/sdk';
import { runBatch } from '@spark/batches';

const emulator = await startEmulator({ port: 0 });
const client = new Client({ baseUrl: emulator.baseUrl, apiKey: 'test-api-key' });
try {
  const { outputs } = await client.services.execute('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
  const records = Array.from({ length: 50 }, (_, i) => ({ radius: 1, height: i }));
  let batch = 0;
  for await (const result of runBatch(client.spark, 'my-folder/volume-cylinder', records, { chunkSize: 10 })) {
    if ('outputs' in result) batch++;
  }
  console.log(JSON.stringify({ volume: outputs[0].volume, batch }));
} finally {
  client.close();
  await emulator.close();
}
