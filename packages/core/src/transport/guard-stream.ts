import { BodyTooLarge } from './body-failures.js';

/** How {@link guardStream} watches a streamed body. */
export interface StreamGuard {
  /** Longest wait for the next chunk (ms); then `onIdle()` runs and the stream fails. */
  idleMs: number;
  /** Most bytes to pass (`Infinity`: no cap). */
  maxBytes: number;
  status: number;
  contentType: string | null;
  /** Cuts the underlying request short (the attempt's `stop('idle', …)`). */
  onIdle(): void;
  /** Called once when the body ends, fails or is cancelled; maps a failure to the error to surface. */
  settle(error?: unknown): Error | undefined;
}

/**
 * Passes a streamed body through while bounding it: a body that sends nothing for `idleMs`
 * fails (a `SparkTimeoutError` once settled), one past `maxBytes` fails with the cap, and the
 * abort links live exactly as long as the stream.
 *
 * @example
 * const stream = guardStream(response.body, { idleMs: 60_000, maxBytes: Infinity, status, contentType, onIdle, settle });
 */
export function guardStream(body: ReadableStream<Uint8Array>, guard: StreamGuard): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown): void => {
    reader.cancel().catch(() => {});
    controller.error(guard.settle(error));
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => { guard.onIdle(); reject(new Error('idle')); }, guard.idleMs);
      });
      try {
        const chunk = await Promise.race([reader.read(), idle]);
        if (chunk.done) { guard.settle(); controller.close(); return; }
        size += chunk.value.byteLength;
        if (size > guard.maxBytes) {
          fail(controller, new BodyTooLarge(guard.maxBytes, guard.status, guard.contentType));
          return;
        }
        controller.enqueue(chunk.value);
      } catch (error) {
        fail(controller, error);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) { guard.settle(); return reader.cancel(reason); },
  });
}
