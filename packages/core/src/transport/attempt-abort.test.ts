import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { AttemptAbort, closeLinks, linkToClose } from './attempt-abort.js';

describe('AttemptAbort', () => {
  test('calls its listener once with the reason, and a late listener at once', () => {
    const abort = new AttemptAbort();
    const seen: unknown[] = [];
    abort.onAbort((reason) => seen.push(reason));
    const reason = new Error('timeout');
    abort.abort(reason);
    abort.abort(new Error('second'));
    expect(seen).toEqual([reason]);
    expect(abort.aborted).toBe(true);
    abort.onAbort((r) => seen.push(r));
    expect(seen).toEqual([reason, reason]);
  });

  test('makes a real AbortSignal only when asked, aborted with the same reason', () => {
    const abort = new AttemptAbort();
    const signal = abort.signal;
    expect(signal.aborted).toBe(false);
    abort.abort('why');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('why');
    const late = new AttemptAbort();
    late.abort('early');
    expect(late.signal.reason).toBe('early');
  });

  test('offAbort drops the listener', () => {
    const abort = new AttemptAbort();
    let called = false;
    abort.onAbort(() => { called = true; });
    abort.offAbort();
    abort.abort('x');
    expect(called).toBe(false);
  });
});

describe('linkToClose', () => {
  test('one listener per close signal; closing runs every linked callback once, unlinked ones never', () => {
    const closer = new AbortController();
    const runs: string[] = [];
    const unlinkA = linkToClose(closer.signal, () => runs.push('a'));
    linkToClose(closer.signal, () => runs.push('b'));
    const unlinkC = linkToClose(closer.signal, () => runs.push('c'));
    expect(getEventListeners(closer.signal, 'abort')).toHaveLength(1);
    expect(closeLinks(closer.signal)).toBe(3);
    unlinkA();
    unlinkC();
    unlinkC();
    expect(closeLinks(closer.signal)).toBe(1);
    closer.abort();
    expect(runs).toEqual(['b']);
    expect(closeLinks(closer.signal)).toBe(0);
  });
});
