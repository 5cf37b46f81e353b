/**
 * The cancellation of one attempt, without an `AbortController` unless a transport asks for
 * a real signal. At 32 calls in flight, a controller per attempt plus the listeners Node's
 * `http.request({ signal })` and the client's close signal add and remove cost about 8 % of the
 * SDK's CPU per call (a profile of bench/execute.mjs); the Node pool only needs a callback.
 *
 * @example
 * const abort = new AttemptAbort();
 * abort.onAbort(() => req.destroy(new DOMException('This operation was aborted', 'AbortError')));
 * abort.abort(new Error('timeout'));
 */
export class AttemptAbort {
  aborted = false;
  reason: unknown = undefined;
  #listener: ((reason: unknown) => void) | undefined;
  #controller: AbortController | undefined;

  /** Aborts once: calls the listener and aborts the signal, if either was asked for. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.(reason);
    this.#controller?.abort(reason);
  }

  /** Sets the one listener (the transport's); called at once when already aborted. */
  onAbort(listener: (reason: unknown) => void): void {
    if (this.aborted) listener(this.reason);
    else this.#listener = listener;
  }

  /** Drops the listener: the transport is done with the attempt. */
  offAbort(): void {
    this.#listener = undefined;
  }

  /** A real `AbortSignal` for this attempt (for `fetch`), made on first access. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }
}

/** What {@link linkAbort} tells when the signal aborts, and which signal it was (an object: no closure per link). */
export interface AbortLink {
  abortedBy(signal: AbortSignal): void;
}

interface Links {
  callbacks: Set<AbortLink>;
  listener: () => void;
}

const LINKS = new WeakMap<AbortSignal, Links>();

/**
 * Calls `target.abortedBy(signal)` when `signal` aborts (an object, not a closure per link),
 * with one listener on the signal however many calls, retries and sleeps wait on it (so many
 * calls in flight on one caller signal, or on the client's close signal, add one listener, not
 * one each: no `MaxListenersExceededWarning`). Linked until {@link unlinkAbort}; the signal's
 * listener goes with the last link. Does not call `target` for a signal that is already
 * aborted: check `signal.aborted` first.
 *
 * @example
 * linkAbort(engine.closeSignal, attempt);
 * try { … } finally { unlinkAbort(engine.closeSignal, attempt); }
 */
export function linkAbort(signal: AbortSignal, target: AbortLink): void {
  let links = LINKS.get(signal);
  if (!links) {
    const callbacks = new Set<AbortLink>();
    const listener = (): void => {
      LINKS.delete(signal);
      for (const link of [...callbacks]) link.abortedBy(signal);
      callbacks.clear();
    };
    links = { callbacks, listener };
    LINKS.set(signal, links);
    signal.addEventListener('abort', listener, { once: true });
  }
  links.callbacks.add(target);
}

/** Unlinks what {@link linkAbort} linked (again, or after the signal aborted: nothing happens). */
export function unlinkAbort(signal: AbortSignal, target: AbortLink): void {
  const links = LINKS.get(signal);
  if (!links || !links.callbacks.delete(target) || links.callbacks.size > 0) return;
  LINKS.delete(signal);
  signal.removeEventListener('abort', links.listener);
}

/**
 * How many callbacks are linked to a signal right now (for tests and leak checks).
 *
 * @example
 * expect(abortLinks(spark.signal)).toBe(0);
 */
export function abortLinks(signal: AbortSignal): number {
  return LINKS.get(signal)?.callbacks.size ?? 0;
}
