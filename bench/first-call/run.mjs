// One fresh process: import the SDK, create a client, execute once and again, and print
// {"importMs","firstCallMs","secondCallMs"}. Arguments: <baseUrl> [client | functions]
//   client     (default) `Client` from @spark/sdk, every resource: the goal's figure
//   functions  `createClient` from @spark/core and `executeService` from @spark/services
const [baseUrl, path = 'client'] = process.argv.slice(2);
const inputs = { radius: 2, height: 3 };
const t0 = performance.now();
let t1, execute, close;
if (path === 'functions') {
  const [{ createClient }, { executeService }] = await Promise.all([import('@spark/core'), import('@spark/services')]);
  t1 = performance.now();
  const spark = createClient({ baseUrl, apiKey: 'bench-key', maxRetries: 0 });
  execute = () => executeService(spark, 'my-folder/volume-cylinder', { inputs });
  close = () => spark.close();
} else {
  const { Client } = await import('@spark/sdk');
  t1 = performance.now();
  const client = new Client({ baseUrl, apiKey: 'bench-key', maxRetries: 0 });
  execute = () => client.services.execute('my-folder/volume-cylinder', { inputs });
  close = () => client.close();
}
await execute();
const t2 = performance.now();
await execute();
const t3 = performance.now();
close();
console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2 }));
