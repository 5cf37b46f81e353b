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

const ON_CLOSE = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `onClose` when the client's close signal aborts, with one listener per client instead
 * of one per attempt. Returns the function that unlinks it again.
 *
 * @example
 * const unlink = linkToClose(engine.closeSignal, () => abort.abort(new Error('closed')));
 * try { … } finally { unlink(); }
 */
export function linkToClose(closeSignal: AbortSignal, onClose: () => void): () => void {
  let set = ON_CLOSE.get(closeSignal);
  if (!set) {
    const callbacks = new Set<() => void>();
    set = callbacks;
    ON_CLOSE.set(closeSignal, callbacks);
    closeSignal.addEventListener('abort', () => {
      for (const callback of [...callbacks]) callback();
      callbacks.clear();
    }, { once: true });
  }
  const callbacks = set;
  callbacks.add(onClose);
  return () => { callbacks.delete(onClose); };
}

/**
 * How many attempts are linked to a client's close signal right now (for tests and leak checks).
 *
 * @example
 * expect(closeLinks(spark.signal)).toBe(0);
 */
export function closeLinks(closeSignal: AbortSignal): number {
  return ON_CLOSE.get(closeSignal)?.size ?? 0;
}
