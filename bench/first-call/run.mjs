// One fresh process: import @spark/sdk (or @spark/core + @spark/services), create a client,
// execute once, and print {"importMs","firstCallMs","secondCallMs"}. Argument: <baseUrl>.
const baseUrl = process.argv[2];
const t0 = performance.now();
const { Client } = await import('@spark/sdk');
const t1 = performance.now();
const client = new Client({ baseUrl, apiKey: 'bench-key', maxRetries: 0 });
await client.services.execute('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
const t2 = performance.now();
await client.services.execute('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
const t3 = performance.now();
client.close();
console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2 }));
