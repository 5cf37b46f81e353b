import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { AttemptAbort, abortLinks, linkAbort, unlinkAbort } from './attempt-abort.js';

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

describe('linkAbort', () => {
  test('one listener per close signal; closing runs every linked callback once, unlinked ones never', () => {
    const closer = new AbortController();
    const runs: string[] = [];
    const link = (name: string) => ({ abortedBy: () => runs.push(name) });
    const a = link('a');
    const c = link('c');
    linkAbort(closer.signal, a);
    linkAbort(closer.signal, link('b'));
    linkAbort(closer.signal, c);
    expect(getEventListeners(closer.signal, 'abort')).toHaveLength(1);
    expect(abortLinks(closer.signal)).toBe(3);
    unlinkAbort(closer.signal, a);
    unlinkAbort(closer.signal, c);
    unlinkAbort(closer.signal, c);
    expect(abortLinks(closer.signal)).toBe(1);
    closer.abort();
    expect(runs).toEqual(['b']);
    expect(abortLinks(closer.signal)).toBe(0);
  });

  test('an object link is told which signal aborted', () => {
    const caller = new AbortController();
    const closer = new AbortController();
    const seen: AbortSignal[] = [];
    const target = { abortedBy: (signal: AbortSignal) => seen.push(signal) };
    linkAbort(caller.signal, target);
    linkAbort(closer.signal, target);
    closer.abort();
    expect(seen).toEqual([closer.signal]);
    unlinkAbort(caller.signal, target);
    caller.abort();
    expect(seen).toEqual([closer.signal]);
  });

  test('the signal listener goes with the last unlink, and comes back with the next link', () => {
    const caller = new AbortController();
    const targets = Array.from({ length: 32 }, () => ({ abortedBy: () => undefined }));
    for (const target of targets) linkAbort(caller.signal, target);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    for (const target of targets) unlinkAbort(caller.signal, target);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    expect(abortLinks(caller.signal)).toBe(0);
    let ran = 0;
    linkAbort(caller.signal, { abortedBy: () => ran++ });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    caller.abort();
    expect(ran).toBe(1);
  });
});
