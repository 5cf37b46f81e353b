import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveLogger, silentLogger, writes } from './logger.js';

describe('writes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is false exactly for the levels a logger drops, so the SDK skips building their messages', () => {
    const info = resolveLogger('info');
    expect([writes(info.debug), writes(info.info), writes(info.warn), writes(info.error)]).toEqual([false, true, true, true]);
    expect(writes(resolveLogger('debug').debug)).toBe(true);
    expect(writes(resolveLogger(false).debug)).toBe(false);
    expect(writes(silentLogger.error)).toBe(false);
    // A logger of your own decides for itself: every method is called.
    expect(writes(resolveLogger({ debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }).debug)).toBe(true);
  });

  it('agrees with what the console loggers print', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    resolveLogger('info').debug('dropped');
    resolveLogger('debug').debug('printed', { requestId: 'r' });
    expect(debug.mock.calls).toEqual([['[spark] DEBUG printed', { requestId: 'r' }]]);
  });
});
