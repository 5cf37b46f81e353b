/**
 * A level-free wake-up call: `wait()` resolves at the next `notify()` (or after `timeoutMs`),
 * and rejects when `signal` aborts. Loops re-check their condition after every wake-up.
 */
export class Wakeup {
  #waiters: (() => void)[] = [];

  /** Whether anyone is waiting (a `notify()` would wake someone). */
  get waiting(): boolean {
    return this.#waiters.length > 0;
  }

  /** Wakes every current waiter. */
  notify(): void {
    const waiters = this.#waiters;
    if (waiters.length === 0) return;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next `notify()`, after `timeoutMs`, or rejects on abort. */
  wait(signal?: AbortSignal, timeoutMs?: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w !== done);
        reject(signal?.reason);
      };
      this.#waiters.push(done);
      if (timeoutMs !== undefined) timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Waits until `ready()` holds, re-checking at every notify (and every `recheckMs`). */
  async until(ready: () => boolean, signal?: AbortSignal, recheckMs?: number): Promise<void> {
    while (!ready()) await this.wait(signal, recheckMs);
  }
}
