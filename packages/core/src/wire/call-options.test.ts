import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '../public-api.js';
import { checkCallOptions, pickCallOptions } from './call-options.js';
import { toIsoDate } from './dates.js';

describe('checkCallOptions (the one timeout rule)', () => {
  it('accepts a finite timeout > 0, fractions included, and a signal', () => {
    const signal = new AbortController().signal;
    expect(checkCallOptions({ timeout: 0.5, signal }, 'op')).toEqual({ timeout: 0.5, signal });
    expect(checkCallOptions(undefined, 'op')).toEqual({});
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '100'])('rejects timeout %s with an error naming "timeout"', (timeout) => {
    const call = () => checkCallOptions({ timeout } as never, 'health.check');
    expect(call).toThrow(SparkSdkError);
    expect(call).toThrow(/^health\.check: "timeout" must be/);
  });

  it('accepts a whole maxResponseBytes > 0 and returns it with the other call options', () => {
    expect(checkCallOptions({ maxResponseBytes: 1000, timeout: 5 }, 'op')).toStrictEqual({ timeout: 5, maxResponseBytes: 1000 });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10'])('rejects maxResponseBytes %s with an error naming "maxResponseBytes"', (maxResponseBytes) => {
    const call = () => checkCallOptions({ maxResponseBytes } as never, 'files.download', ['auth']);
    expect(call).toThrow(SparkSdkError);
    expect(call).toThrow(/^files\.download: "maxResponseBytes" must be/);
  });

  it('rejects a signal that is not an AbortSignal', () => {
    expect(() => checkCallOptions({ signal: {} } as never, 'op')).toThrow(/"signal" must be AbortSignal/);
  });

  it('refuses an unknown key, naming it', () => {
    expect(() => checkCallOptions({ timeout: 5, method: 'DELETE' } as never, 'op')).toThrow("op: unknown option 'method'");
  });

  it("accepts the operation's other keys and returns only the call options, none undefined (safe to spread into a request)", () => {
    expect(checkCallOptions({ timeout: 5, force: true } as never, 'op', ['force'])).toStrictEqual({ timeout: 5 });
    expect(() => checkCallOptions({ timeout: 5, forse: true } as never, 'op', ['force'])).toThrow("op: unknown option 'forse' (did you mean force?)");
    expect(() => checkCallOptions({ timeout: 0 } as never, 'op', ['force'])).toThrow(/timeout/);
  });

  it('rejects options that are not an object', () => {
    expect(() => checkCallOptions(5 as never, 'op')).toThrow(SparkSdkError);
  });
});

describe('pickCallOptions', () => {
  it('keeps signal, timeout and maxResponseBytes, drops other and undefined keys; a job keeps its deadline out of each request', () => {
    const signal = new AbortController().signal;
    const options = { signal, timeout: 5, maxResponseBytes: 10, pollInterval: 1 };
    expect(pickCallOptions(options)).toStrictEqual({ signal, timeout: 5, maxResponseBytes: 10 });
    expect(pickCallOptions(options, 'job')).toStrictEqual({ signal, maxResponseBytes: 10 });
    expect(pickCallOptions({ signal: undefined, timeout: undefined })).toStrictEqual({});
  });
});

describe('toIsoDate', () => {
  it('turns a string, epoch ms or Date into UTC ISO 8601', () => {
    expect(toIsoDate('2021-01-01', 'd', 'op')).toBe('2021-01-01T00:00:00.000Z');
    expect(toIsoDate(0, 'd', 'op')).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoDate(new Date(0), 'd', 'op')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('names the field of an invalid date', () => {
    expect(() => toIsoDate('soon', 'activeSince', 'services.execute')).toThrow(/^services\.execute: "activeSince" must be a valid date/);
  });
});
