import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createClient } from '../index.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { parseParams } from './parse-params.js';

const Params = v.object({
  inputs: v.optional(v.unknown()),
  callPurpose: v.optional(v.string()),
  timeout: v.optional(v.pipe(v.number(), v.minValue(1))),
});

function thrown(fn: () => unknown): SparkSdkError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SparkSdkError);
    return error as SparkSdkError;
  }
  throw new Error('expected a SparkSdkError');
}

describe('unknown client option keys', () => {
  it('suggests baseUrl for baseURL before anything is sent', () => {
    const error = thrown(() => createClient({ baseURL: 'http://127.0.0.1:1/t', apiKey: 'k' } as never));
    expect(error.message).toBe("client options: unknown option 'baseURL' (did you mean baseUrl?)");
  });

  it('suggests the nearest key for a typo (maxRetry → maxRetries)', () => {
    const error = thrown(() => createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', maxRetry: 1 } as never));
    expect(error.message).toBe("client options: unknown option 'maxRetry' (did you mean maxRetries?)");
  });

  it('lists the known keys when nothing is close', () => {
    const error = thrown(() => createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', colour: 'red' } as never));
    expect(error.message).toMatch(/^client options: unknown option 'colour' \(expected one of: baseUrl, env, tenant, /);
  });

  it('accepts every documented option', () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', timeout: 5, maxRetries: 0, retryInterval: 1, headers: {}, logger: false, compressAbove: false, poolSize: 2, proxy: false, allowBrowser: false, hooks: {} });
    client.close();
  });
});

describe('unknown operation option keys (parseParams)', () => {
  it('says service inputs go in `inputs` for a key that is no option', () => {
    const error = thrown(() => parseParams(Params, { radius: 2 }, 'services.execute'));
    expect(error.message).toBe("services.execute: unknown option 'radius': service inputs go in `inputs`");
  });

  it('suggests the option for a near miss (input → inputs, CallPurpose → callPurpose)', () => {
    expect(thrown(() => parseParams(Params, { input: { radius: 2 } }, 'services.execute')).message).toBe(
      "services.execute: unknown option 'input' (did you mean inputs?)",
    );
    expect(thrown(() => parseParams(Params, { CallPurpose: 'x' }, 'services.execute')).message).toContain('did you mean callPurpose?');
  });

  it('sees through optional, pipe and union wrappers, and lets records and non-objects through', () => {
    const wrapped = v.optional(v.union([v.string(), v.pipe(v.object({ limit: v.optional(v.number()) }), v.check(() => true))]));
    expect(thrown(() => parseParams(wrapped, { limti: 1 }, 'op')).message).toBe("op: unknown option 'limti' (did you mean limit?)");
    expect(parseParams(wrapped, 'text', 'op')).toBe('text');
    expect(parseParams(wrapped, undefined, 'op')).toBeUndefined();
    expect(parseParams(v.record(v.string(), v.number()), { anything: 1 }, 'op')).toEqual({ anything: 1 });
    expect(parseParams(v.looseObject({ a: v.string() }), { a: 'x', b: 1 }, 'op')).toEqual({ a: 'x', b: 1 });
  });

  it('reports a wrong type before an unknown key, and accepts known keys', () => {
    expect(thrown(() => parseParams(Params, { timeout: 0, radius: 1 }, 'op')).message).toMatch(/^op: "timeout"/);
    expect(parseParams(Params, { inputs: { radius: 2 }, timeout: 5 }, 'op')).toEqual({ inputs: { radius: 2 }, timeout: 5 });
  });
});
