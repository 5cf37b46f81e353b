import type { SparkRequest } from '../client/types.js';
import type { AttemptCall } from './attempt.js';
import type { FailureContext } from './classify-failure.js';
import type { SparkHookCall, SparkHookContext } from './hooks.js';
import type { ResponseContext } from './read-response.js';
import { newRequestId } from './sdk-headers.js';
import type { SendContext } from './send.js';

/**
 * One logical call as its attempts share it: the context for reading the answer, classifying a
 * failure and starting an attempt, in one object per call (at 32 in flight, every object made
 * per attempt shows in the heap's young generation and in RSS). The hooks' context is made
 * per attempt, and only when a hook (or `beforeError`) is there to receive it.
 *
 * @example
 * const call = new Call(engine, request, url, timeout, false, limit);
 * call.next(); // the first attempt: a fresh request id
 */
export class Call implements FailureContext, ResponseContext, AttemptCall {
  readonly request: SparkRequest;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly timeout: number;
  readonly stream: boolean;
  readonly maxBytes: number;
  readonly callerSignal: AbortSignal | undefined;
  readonly closeSignal: AbortSignal;
  readonly hint: ((detail: string) => string) | undefined;
  /** The current attempt: 0 for the first. */
  attempt = -1;
  requestId = '';
  readonly #engine: SendContext;
  #context: SparkHookContext | undefined;
  #hookCall: SparkHookCall | undefined;

  constructor(engine: SendContext, request: SparkRequest, url: string, timeout: number, stream: boolean, maxBytes: number) {
    this.#engine = engine;
    this.request = request;
    this.operation = request.operation;
    this.method = request.method;
    this.url = url;
    this.timeout = timeout;
    this.stream = stream;
    this.maxBytes = maxBytes;
    this.callerSignal = request.signal;
    this.closeSignal = engine.closeSignal;
    this.hint = engine.hint;
  }

  /** Moves on to the next attempt, with a fresh request id. */
  next(): void {
    this.attempt++;
    this.requestId = newRequestId();
    this.#context = undefined;
  }

  /** The secrets to mask in errors and logs: the auth strategy's and the transport's (proxy credentials). */
  secrets(): readonly string[] {
    const own = this.#engine.config.auth.secrets();
    const transport = this.#engine.transport.secrets;
    return transport && transport.length > 0 ? [...own, ...transport] : own;
  }

  /** What the hooks are told about the current attempt: one object per attempt, the same `call` for all of them. */
  get context(): SparkHookContext {
    return (this.#context ??= {
      operation: this.operation, method: this.method, url: this.url, attempt: this.attempt, requestId: this.requestId,
      call: (this.#hookCall ??= { attributes: this.request.attributes ?? {} }),
    });
  }
}
