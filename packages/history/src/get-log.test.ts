import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { getLog } from './get-log.js';
import { BASE, json, recorder, rejection, samplePath } from '@spark/test-utils';

const log = { EngineCallId: 'c-1', EngineDetails: { request_data: { inputs: { radius: 1 } }, response_data: { outputs: { volume: 3 } } } };
const envelope = (data: unknown) => json({ status: 'Success', response_data: data, response_meta: {}, error: null });

describe('getLog', () => {
  it('GETs api/v3/log/getexecutionhistorybycallid/{callId} under the tenant', async () => {
    const { spark, calls } = recorder(envelope(JSON.stringify(log)));
    await getLog(spark, ' c/1 ');
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(`${BASE}/api/v3/log/getexecutionhistorybycallid/c%2F1`);
    expect(calls[0]!.headers['x-tenant-name']).toBe('my-tenant');
    expect(calls[0]!.body).toBeUndefined();
  });

  it('parses the JSON string in response_data (and accepts an object as is)', async () => {
    expect(await getLog(recorder(envelope(JSON.stringify(log))).spark, 'c-1')).toEqual(log);
    expect(await getLog(recorder(envelope(log)).spark, 'c-1')).toEqual(log);
  });

  it('returns the shared detailed-log sample shape', async () => {
    const sample = readFileSync(samplePath('detailed-log.json'), 'utf8');
    const result = await getLog(recorder(envelope(sample)).spark, 'uuid');
    expect(result).toEqual(JSON.parse(sample));
    expect(result.EngineDetails.response_meta['call_id']).toBe('uuid');
  });

  it('maps 404, and a non-JSON or missing log to a SparkApiError saying so', async () => {
    expect(await rejection(getLog(recorder(json({}, 404)).spark, 'c'))).toBeInstanceOf(SparkNotFoundError);
    const bad = await rejection(getLog(recorder(envelope('<html>oops</html>')).spark, 'c-9'));
    expect(bad).toBeInstanceOf(SparkApiError);
    expect(bad.message).toContain('not valid JSON');
    expect(bad.status).toBe(200);
    expect(await rejection(getLog(recorder(envelope(null)).spark, 'c'))).toBeInstanceOf(SparkApiError);
  });

  it('rejects a missing callId before sending anything', async () => {
    const { spark, calls } = recorder(envelope('{}'));
    for (const bad of [undefined, '', '  ', 7]) {
      const error = await rejection(getLog(spark, bad as never));
      expect(error).toBeInstanceOf(SparkSdkError);
      expect(error.message).toContain('"callId"');
    }
    expect(calls).toHaveLength(0);
  });
});
