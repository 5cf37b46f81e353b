import { AttemptAbort, linkAbort, unlinkAbort } from './attempt-abort.js';
import type { AttemptRequest, PreparedBody, SparkTransport, TransportResponse } from './types.js';

/** Why an attempt was cut short by the SDK rather than failing on its own. */
export type AbortCause = 'timeout' | 'idle' | 'caller' | 'closed' | undefined;

/** What an {@link Attempt} takes from its call (one object for every attempt of the call). */
export interface AttemptCall {
  readonly url: string;
  readonly method: string;
  readonly timeout: number;
  readonly stream: boolean;
  /** Most decoded body bytes the transport may read (`Infinity`: no cap). */
  readonly maxBytes: number;
  /** The caller's signal. */
  readonly signal?: AbortSignal | undefined;
  readonly closeSignal: AbortSignal;
}

/** The longest delay `setTimeout` honours (it fires at once for a longer one). */
export const MAX_TIMER_MS = 2_147_483_647;

function onTimeout(attempt: Attempt): void {
  attempt.stop('timeout', new Error('timeout'));
}

/**
 * One attempt: one timer, one {@link AttemptAbort} linked to the caller's signal and the
 * client's close signal. `start()` rejects with the raw transport error; `why` says whether
 * the SDK cut it short (and why), which is all a classifier needs. The attempt is itself the
 * {@link AttemptRequest} the transport receives, and its own link to the signals (no closures
 * per attempt: at 32 in flight every object per call shows in the heap's young generation).
 *
 * @example
 * const attempt = new Attempt(call, headers, body, transport);
 * try { response = await attempt.start(); } catch (error) { throw classifyFailure(error, attempt.why, …); }
 */
export class Attempt implements AttemptRequest {
  declare why: AbortCause;
  declare readonly abort: AttemptAbort;
  declare readonly url: string;
  declare readonly method: string;
  declare readonly headers: Record<string, string>;
  declare readonly body: PreparedBody;
  declare readonly stream: boolean;
  declare readonly maxBytes: number;
  readonly #call: AttemptCall;
  readonly #transport: SparkTransport;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(call: AttemptCall, headers: Record<string, string>, body: PreparedBody, transport: SparkTransport) {
    this.url = call.url;
    this.method = call.method;
    this.headers = headers;
    this.body = body;
    this.stream = call.stream;
    this.maxBytes = call.maxBytes;
    this.why = undefined;
    this.abort = new AttemptAbort();
    this.#call = call;
    this.#transport = transport;
    // setTimeout fires at once for delays beyond 2^31-1 ms, so a huge timeout would abort immediately.
    this.#timer = setTimeout(onTimeout, Math.min(call.timeout, MAX_TIMER_MS), this);
    // One listener per signal however many attempts are in flight on it (a batch run's 32 chunks).
    const caller = call.signal;
    if (caller) linkAbort(caller, this);
    linkAbort(call.closeSignal, this);
    if (caller?.aborted) this.stop('caller', caller.reason);
    if (call.closeSignal.aborted) this.stop('closed', call.closeSignal.reason);
  }

  /** Called by a linked signal when it aborts: the caller's or the client's close signal. */
  abortedBy(signal: AbortSignal): void {
    this.stop(signal === this.#call.signal ? 'caller' : 'closed', signal.reason);
  }

  /** Cuts the attempt short (first cause wins): the transport destroys its request. */
  stop(why: Exclude<AbortCause, undefined>, reason: unknown): void {
    this.why ??= why;
    this.abort.abort(reason);
  }

  /** Sends the attempt; resolves once headers (and, unless streaming, the body) arrived. */
  start(): Promise<TransportResponse> {
    if (this.abort.aborted) return Promise.reject(this.abort.reason);
    try {
      return this.#transport.request(this);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Stops the timeout and unhooks the signals. `keepLinks` keeps the caller and close links so
   * a streamed body can still be aborted; call `finish()` again once the stream settles.
   */
  finish(keepLinks = false): void {
    clearTimeout(this.#timer);
    if (keepLinks) return;
    // Unlinking again (a streamed body's second finish()) does nothing.
    const caller = this.#call.signal;
    if (caller) unlinkAbort(caller, this);
    unlinkAbort(this.#call.closeSignal, this);
  }
}
