// One timeout rule for every operation of every package (issue 13, item 1): a finite number of
// milliseconds > 0, fractions allowed. `timeout: 0.5` used to pass impex and hybrid and fail
// services, folders, history, transforms and batches. (@spark/hybrid, not part of @spark/sdk,
// uses the same `checkCallOptions` of @spark/core/wire.) And one response cap (issue 14 §3):
// every operation takes `maxResponseBytes` and carries it to the wire, long jobs included.
import { describe, expect, it } from 'vitest';
import {
  checkHealth, createClient, describeBatches, describeExports, downloadFile, downloadLogs, downloadWasm, executeService,
  exportServices, findFolders, getExportStatus, getLog, getPlatformConfig, getServiceVersions, getTransform, listCategories,
  pullBatchResults, SparkResponseTooLargeError, SparkSdkError, updateFolder, type CallOptions, type SparkCore,
} from '../src/index.js';

const OPERATIONS: Record<string, (spark: SparkCore, options: CallOptions) => Promise<unknown>> = {
  'services.execute': (s, o) => executeService(s, 'f/s', { inputs: { a: 1 }, ...o }),
  'services.getVersions': (s, o) => getServiceVersions(s, 'f/s', o),
  'impex.exports.describe': (s, o) => describeExports(s, o),
  'impex.exports.getStatus': (s, o) => getExportStatus(s, 'job-1', o),
  'batches.describe': (s, o) => describeBatches(s, o),
  'batches.pull': (s, o) => pullBatchResults(s, 'batch-1', o),
  'folders.categories.list': (s, o) => listCategories(s, o),
  'logs.get': (s, o) => getLog(s, 'call-1', o),
  'transforms.get': (s, o) => getTransform(s, 'f/t', o),
  'health.check': (s, o) => checkHealth(s, o),
  'platform.getConfig': (s, o) => getPlatformConfig(s, o),
  // A download's body is read too: its cap applies to the stream.
  'files.download': (s, o) => downloadFile(s, 'https://files.test/f.zip', o).then((d) => d.bytes()),
  'wasm.download': (s, o) => downloadWasm(s, 'version/v-1', o).then((d) => d.bytes()),
  'folders.find': (s, o) => findFolders(s, {}, o),
  'folders.update': (s, o) => updateFolder(s, 'folder-1', { description: 'd', ...o }),
  // Long jobs: `timeout` is their deadline; `maxResponseBytes` goes to every request.
  'impex.exports.run': (s, o) => exportServices(s, { services: ['f/s'], pollInterval: 0, ...o }),
  'logs.download': (s, o) => downloadLogs(s, 'f/s', { pollInterval: 0, ...o }),
};

/** A client whose fetch answers at once (`{}`) and counts what was sent. */
function answeringClient(): { spark: SparkCore; sent: () => number } {
  let count = 0;
  const fetch = async () => {
    count++;
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const spark = createClient({ baseUrl: 'https://spark.test/tenant', apiKey: 'k', fetch, maxRetries: 0 });
  return { spark, sent: () => count };
}

describe.each(Object.entries(OPERATIONS))('%s', (_name, call) => {
  it('accepts a fractional timeout (0.5 ms) and sends the request', async () => {
    const { spark, sent } = answeringClient();
    const error = await call(spark, { timeout: 0.5 }).then(() => undefined, (e: unknown) => e);
    // What Spark's answer `{}` means to the operation does not matter here; the options passed.
    expect(error).not.toBeInstanceOf(SparkSdkError);
    expect(sent()).toBeGreaterThan(0);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, '100'])('rejects timeout %s before sending, naming "timeout"', async (timeout) => {
    const { spark, sent } = answeringClient();
    const error = await call(spark, { timeout } as never).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(/"timeout" must be/);
    expect(sent()).toBe(0);
  });

  it('carries maxResponseBytes to the wire: the 2-byte answer passes a 2-byte cap and fails a 1-byte one', async () => {
    const fits = answeringClient();
    const error = await call(fits.spark, { maxResponseBytes: 2 }).then(() => undefined, (e: unknown) => e);
    expect(error).not.toBeInstanceOf(SparkSdkError);
    expect(error).not.toBeInstanceOf(SparkResponseTooLargeError);
    expect(fits.sent()).toBeGreaterThan(0);
    const over = answeringClient();
    const capped = await call(over.spark, { maxResponseBytes: 1 }).then(() => undefined, (e: unknown) => e);
    expect(capped).toBeInstanceOf(SparkResponseTooLargeError);
    expect((capped as SparkResponseTooLargeError).limit).toBe(1);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10'])('rejects maxResponseBytes %s before sending, naming "maxResponseBytes"', async (maxResponseBytes) => {
    const { spark, sent } = answeringClient();
    const error = await call(spark, { maxResponseBytes } as never).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(/"maxResponseBytes" must be/);
    expect(sent()).toBe(0);
  });
});
