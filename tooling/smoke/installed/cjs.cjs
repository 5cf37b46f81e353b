// CommonJS consumer of the packed tarballs: `require()` of the ESM-only packages, which Node
// 20.19+ / 22.12+ allows without a flag (require(esm)). Prints one JSON line: { volume, cached }.
const { startEmulator } = require('@spark/emulator');
const { apiKey, createClient } = require('@spark/core');
const { executeService } = require('@spark/services');

(async () => {
  const emulator = await startEmulator({ port: 0 });
  const spark = createClient({ baseUrl: emulator.baseUrl, auth: apiKey('test-api-key') });
  try {
    const { outputs } = await executeService(spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
    console.log(JSON.stringify({ volume: outputs[0].volume, cached: require('@spark/core') === require('@spark/core') }));
  } finally {
    spark.close();
    await emulator.close();
  }
})();
