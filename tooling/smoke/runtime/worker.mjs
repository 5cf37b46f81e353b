// An ES-module Cloudflare Worker (bundled by esbuild, run by workerd through miniflare): executes
// my-folder/volume-cylinder on the emulator with the fetch transport. The emulator's base URL
// and API key arrive as bindings; the answer is JSON { volume, clientVolume }.
import { apiKey, createClient } from '@spark/core';
import { executeService } from '@spark/services';
import { Client } from '@spark/sdk';

export default {
  async fetch(_request, env) {
    const inputs = { radius: 2, height: 3 };
    const spark = createClient({ baseUrl: env.SPARK_BASE_URL, auth: apiKey(env.SPARK_API_KEY), maxRetries: 0 });
    let volume;
    try {
      volume = (await executeService(spark, 'my-folder/volume-cylinder', { inputs })).outputs[0]?.volume;
    } finally {
      spark.close();
    }
    const client = new Client({ baseUrl: env.SPARK_BASE_URL, apiKey: env.SPARK_API_KEY, maxRetries: 0 });
    let clientVolume;
    try {
      clientVolume = (await client.services.execute('my-folder/volume-cylinder', { inputs })).outputs[0]?.volume;
    } finally {
      client.close();
    }
    return Response.json({ volume, clientVolume });
  },
};
