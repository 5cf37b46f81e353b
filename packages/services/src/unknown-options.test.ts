import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { services } from './plugin.js';
import { json, recorder, testClient } from '@spark/test-utils';

// Plain-JS mistakes: TypeScript rejects these keys, JavaScript used to run on defaults.
describe('unknown option keys on services operations', () => {
  it('execute(uri, { radius: 2 }) says service inputs go in `inputs`, and sends nothing', async () => {
    const rec = recorder(json({}));
    const spark = testClient(rec.fetch).use(services);
    const call = spark.services.execute('my-folder/volume-cylinder', { radius: 2 } as never);
    await expect(call).rejects.toThrow(SparkSdkError);
    await expect(call).rejects.toThrow("services.execute: unknown option 'radius': service inputs go in `inputs`");
    expect(rec.calls).toHaveLength(0);
    spark.close();
  });

  it('a near miss on another operation gets a suggestion (getVersions timeOut → timeout)', async () => {
    const rec = recorder(json({}));
    const spark = testClient(rec.fetch).use(services);
    await expect(spark.services.getVersions('f/s', { timeOut: 5 } as never)).rejects.toThrow(
      "services.getVersions: unknown option 'timeOut' (did you mean timeout?)",
    );
    expect(rec.calls).toHaveLength(0);
    spark.close();
  });
});
