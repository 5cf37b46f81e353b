/** Waits `ms`, rejecting with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A level-free wake-up call: `wait()` resolves at the next `notify()` (or after `timeoutMs`),
 * and rejects when `signal` aborts. Loops re-check their condition after every wake-up.
 */
export class Wakeup {
  #waiters: (() => void)[] = [];

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

/** Exponential backoff with jitter for attempt `n` (1-based): `[base/2, base)`, `base = min(cap, first · 2^(n-1))`. */
export function backoff(n: number, firstMs: number, capMs: number): number {
  const base = Math.min(capMs, firstMs * 2 ** Math.max(0, n - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/** UTF-8 byte length of a string (Buffer in Node, TextEncoder elsewhere). */
export function utf8Length(text: string): number {
  const buffer = (globalThis as { Buffer?: { byteLength(s: string): number } }).Buffer;
  return buffer ? buffer.byteLength(text) : new TextEncoder().encode(text).byteLength;
}
