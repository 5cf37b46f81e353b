// A downstream app, type-checked against the built declaration files of @spark/sdk (and
// through it @spark/core and @spark/services). Never run: only `tsc --noEmit`.
import {
  AsyncClient,
  Client,
  SparkSdkError,
  apiKey,
  createClient,
  executeService,
  isSparkError,
  type ExecuteResult,
  type SparkClientOptions,
  type SparkCore,
} from '@spark/sdk';

interface VolumeIn {
  radius: number;
  height: number;
}
interface VolumeOut {
  volume: number;
}

const options: SparkClientOptions = { baseUrl: 'https://excel.test.coherent.global/my-tenant', apiKey: 'my-api-key' };

export async function withClient(): Promise<number | undefined> {
  const spark = new Client(options);
  try {
    const result: ExecuteResult<VolumeOut> = await spark.services.execute<VolumeIn, VolumeOut>('my-folder/volume-cylinder', {
      inputs: { radius: 2, height: 3 },
    });
    return result.outputs[0]?.volume;
  } catch (error) {
    if (isSparkError(error)) console.error(error.name, error.message);
    if (error instanceof SparkSdkError) throw error;
    return undefined;
  } finally {
    spark.close();
  }
}

export async function withAsyncClient(): Promise<void> {
  const spark = new AsyncClient(options);
  const core: SparkCore = spark.spark;
  await executeService(core, { folder: 'my-folder', service: 'volume-cylinder' }, { inputs: { radius: 1, height: 1 } });
  await spark.close();
}

export async function withFunctions(): Promise<unknown[]> {
  const spark = createClient({ baseUrl: 'https://excel.test.coherent.global/my-tenant', auth: apiKey('k') });
  const { outputs } = await executeService<VolumeIn, VolumeOut>(spark, 'my-folder/volume-cylinder', {
    inputs: [
      { radius: 1, height: 2 },
      { radius: 3, height: 4 },
    ],
  });
  spark.close();
  return outputs.map((o) => o.volume);
}
