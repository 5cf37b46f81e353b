/**
 * Passes a streamed body through, calling `settle` once it ends, fails (mapping the error to a
 * Spark error or the caller's reason) or is cancelled: the abort links live as long as the stream.
 */
export function onSettled(body: ReadableStream<Uint8Array>, settle: (error?: unknown) => unknown): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) { settle(); controller.close(); } else controller.enqueue(chunk.value);
      } catch (error) { controller.error(settle(error)); }
    },
    cancel(reason) { settle(); return reader.cancel(reason); },
  });
}
