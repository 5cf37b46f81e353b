import { describe, expect, it } from 'vitest';
import { SparkBadRequestError, SparkConnectionError, SparkForbiddenError, SparkSdkError, SparkUnauthorizedError } from '@spark/sdk';
import { describeError, exitCodeFor, UsageError } from './errors.js';
import { formatHuman } from './output.js';
import { barLine, createProgress, etaText, plainLine } from './progress.js';

const api = { method: 'GET', url: 'http://h/t', requestId: 'r', body: null };

describe('exitCodeFor', () => {
  it('maps errors to exit codes', () => {
    expect(exitCodeFor(new SparkUnauthorizedError('no', { status: 401, ...api }))).toBe(3);
    expect(exitCodeFor(new SparkForbiddenError('no', { status: 403, ...api }))).toBe(3);
    expect(exitCodeFor(new SparkUnauthorizedError('token refused', { status: 400, ...api }))).toBe(3);
    expect(exitCodeFor(new SparkSdkError('bad'))).toBe(2);
    expect(exitCodeFor(new UsageError('bad'))).toBe(2);
    expect(exitCodeFor(new SparkBadRequestError('bad', { status: 400, ...api }))).toBe(1);
    expect(exitCodeFor(new SparkConnectionError('down', 'GET', 'http://h', undefined))).toBe(1);
    expect(exitCodeFor(new Error('?'))).toBe(1);
  });

  it('describes an error on one line with its root cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const error = new SparkConnectionError('cannot reach http://127.0.0.1:9', 'GET', 'http://127.0.0.1:9', undefined, { cause: new TypeError('fetch failed', { cause }) });
    // The root cause, then what to do next in CLI terms.
    expect(describeError(error)).toBe(
      'cannot reach http://127.0.0.1:9 (connect ECONNREFUSED 127.0.0.1:9) — nothing answers there. Is Spark (or `spark emulator start`) running? ' +
        'Check --base-url, CSPARK_BASE_URL or the profile’s baseUrl',
    );
    expect(describeError(new SparkSdkError('a\nb', { cause: 'secret-value' }))).toBe('a b');
  });

  it('says what a bare TENANT_MISMATCH means and what to check', () => {
    const error = new SparkBadRequestError('400 services.execute failed (POST http://h/other/api/v3/x): TENANT_MISMATCH', { status: 400, ...api });
    expect(describeError(error)).toBe(
      '400 services.execute failed (POST http://h/other/api/v3/x): TENANT_MISMATCH — the tenant in the base URL is not the one these ' +
        'credentials belong to. Check the first path segment of --base-url, CSPARK_BASE_URL or the profile’s baseUrl, or --tenant',
    );
  });

  // @spark/core's advice names its option (baseUrl); the CLI's names the flags. Each error is
  // built as core builds it: the detail, its advice after it, and the detail as the cause.
  it.each([
    [
      'services.execute could not reach http://127.0.0.1:9/t/x: ', 'connect ECONNREFUSED 127.0.0.1:9',
      ' (nothing is listening there: is the Spark server or emulator running at that URL, and is baseUrl right?)',
      'services.execute could not reach http://127.0.0.1:9/t/x: connect ECONNREFUSED 127.0.0.1:9 — nothing answers there. ' +
        'Is Spark (or `spark emulator start`) running? Check --base-url, CSPARK_BASE_URL or the profile’s baseUrl',
    ],
    [
      'health.check could not reach https://nope.invalid/health: ', 'getaddrinfo ENOTFOUND nope.invalid',
      ' (the host name does not resolve: check baseUrl, DNS or your proxy settings)',
      'health.check could not reach https://nope.invalid/health: getaddrinfo ENOTFOUND nope.invalid — that host name does not resolve. ' +
        'Check --base-url / --env, CSPARK_BASE_URL or the profile',
    ],
  ])('gives the CLI’s advice on a refused or unresolved connection, not the SDK’s as well: %s', (prefix, detail, advice, expected) => {
    const error = new SparkConnectionError(`${prefix}${detail}${advice}`, 'GET', 'http://h/x', undefined, { cause: detail });
    expect(describeError(error)).toBe(expected);
  });
});

describe('formatHuman', () => {
  it('renders nested data as key: value lines', () => {
    expect(formatHuman({ volume: 37.7, tags: ['a', 'b'], nested: { x: 1 }, rows: [{ a: 1 }, { a: 2 }] })).toBe(
      'volume: 37.7\ntags: [a, b]\nnested:\n  x: 1\nrows:\n  - a: 1\n  - a: 2',
    );
  });
});

describe('progress', () => {
  it('draws a bar with a total and a plain line without one', () => {
    expect(barLine({ completed: 500, failed: 2, read: 600, total: 1000, recordsPerSecond: 99.6, retries: 1 }, 100)).toMatch(
      /^\[█+░+\]  50% 500\/1,000 records · 100 rec\/s · ETA 0:06 · 2 failed · 1 retry$/,
    );
    expect(plainLine({ completed: 5, failed: 0, read: 10, recordsPerSecond: 5 })).toBe('progress: 5 (10 read) records, 5 rec/s, 0 failed');
    // ETA: the records left at the current rate; hours when long.
    expect(etaText({ completed: 100, failed: 0, read: 100, total: 700, recordsPerSecond: 10 })).toBe('1:00');
    expect(etaText({ completed: 0, failed: 0, read: 0, total: 1e6, recordsPerSecond: 100 })).toBe('2:46:40');
    expect(etaText({ completed: 0, failed: 0, read: 0, recordsPerSecond: 100 })).toBeUndefined();
  });

  it('fits the bar to the terminal width as it is now (resize)', () => {
    let columns = 120;
    const out: string[] = [];
    const bar = createProgress((s) => out.push(s), { tty: true, columns: () => columns, now: () => 0 });
    bar.update({ completed: 1, failed: 0, read: 1, total: 2, recordsPerSecond: 1 });
    columns = 50;
    bar.redraw();
    const width = (s: string) => s.replace('\r\x1b[2K', '').length;
    expect(width(out[0]!)).toBeGreaterThan(50);
    expect(width(out[1]!)).toBeLessThanOrEqual(49);
  });

  it('throttles plain lines and redraws in place on a TTY', () => {
    let t = 0;
    const plain: string[] = [];
    const p = createProgress((s) => plain.push(s), { tty: false, interval: 1000, now: () => t });
    p.update({ completed: 1, failed: 0, read: 1, recordsPerSecond: 1 });
    t = 500;
    p.update({ completed: 2, failed: 0, read: 2, recordsPerSecond: 1 });
    expect(plain).toHaveLength(0);
    t = 1000;
    p.update({ completed: 3, failed: 0, read: 3, recordsPerSecond: 1 });
    t = 1500;
    p.update({ completed: 4, failed: 0, read: 4, recordsPerSecond: 1 });
    t = 2100;
    p.update({ completed: 5, failed: 0, read: 5, recordsPerSecond: 1 });
    expect(plain).toEqual(['progress: 3 (3 read) records, 1 rec/s, 0 failed\n', 'progress: 5 (5 read) records, 1 rec/s, 0 failed\n']);
    expect(plain.every((line) => line.endsWith('\n'))).toBe(true);

    const tty: string[] = [];
    const bar = createProgress((s) => tty.push(s), { tty: true, now: () => 0 });
    bar.update({ completed: 1, failed: 0, read: 1, total: 2, recordsPerSecond: 1 });
    bar.finish();
    expect(tty[0]!.startsWith('\r\x1b[2K[')).toBe(true);
    expect(tty.at(-1)).toBe('\n');
  });
});
