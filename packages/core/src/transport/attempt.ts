import { AttemptAbort, linkToAbort } from './attempt-abort.js';
import type { PreparedBody, SparkTransport, TransportResponse } from './types.js';

/** Why an attempt was cut short by the SDK rather than failing on its own. */
export type AbortCause = 'timeout' | 'idle' | 'caller' | 'closed' | undefined;

/** What an {@link Attempt} needs. */
export interface AttemptInit {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: PreparedBody;
  timeout: number;
  stream: boolean;
  /** Most decoded body bytes the transport may read (`Infinity`: no cap). */
  maxBytes: number;
  callerSignal: AbortSignal | undefined;
  closeSignal: AbortSignal;
  transport: SparkTransport;
}

const MAX_TIMER_MS = 2_147_483_647;

/**
 * One attempt: one timer, one {@link AttemptAbort} linked to the caller's signal and the
 * client's close signal. `start()` rejects with the raw transport error; `why` says whether
 * the SDK cut it short (and why), which is all a classifier needs.
 *
 * @example
 * const attempt = new Attempt(init);
 * try { response = await attempt.start(); } catch (error) { throw classifyFailure(error, attempt.why, …); }
 */
export class Attempt {
  why: AbortCause;
  readonly abort = new AttemptAbort();
  readonly #init: AttemptInit;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unlinkCaller: (() => void) | undefined;
  #unlinkClose: (() => void) | undefined;

  constructor(init: AttemptInit) {
    this.#init = init;
    // setTimeout fires at once for delays beyond 2^31-1 ms, so a huge timeout would abort immediately.
    this.#timer = setTimeout(() => this.stop('timeout', new Error('timeout')), Math.min(init.timeout, MAX_TIMER_MS));
    // One listener per signal however many attempts are in flight on it (a batch run's 32 chunks).
    const caller = init.callerSignal;
    if (caller) this.#unlinkCaller = linkToAbort(caller, () => this.stop('caller', caller.reason));
    this.#unlinkClose = linkToAbort(init.closeSignal, () => this.stop('closed', init.closeSignal.reason));
    if (caller?.aborted) this.stop('caller', caller.reason);
    if (init.closeSignal.aborted) this.stop('closed', init.closeSignal.reason);
  }

  /** Cuts the attempt short (first cause wins): the transport destroys its request. */
  stop(why: Exclude<AbortCause, undefined>, reason: unknown): void {
    this.why ??= why;
    this.abort.abort(reason);
  }

  /** Sends the attempt; resolves once headers (and, unless streaming, the body) arrived. */
  async start(): Promise<TransportResponse> {
    const init = this.#init;
    if (this.abort.aborted) throw this.abort.reason;
    return init.transport.request({
      url: init.url, method: init.method, headers: init.headers, body: init.body, abort: this.abort, stream: init.stream, maxBytes: init.maxBytes,
    });
  }

  /**
   * Stops the timeout and unhooks the signals. `keepLinks` keeps the caller and close links so
   * a streamed body can still be aborted; call `finish()` again once the stream settles.
   */
  finish(keepLinks = false): void {
    clearTimeout(this.#timer);
    if (keepLinks) return;
    this.#unlinkCaller?.();
    this.#unlinkClose?.();
    this.#unlinkCaller = this.#unlinkClose = undefined;
  }
}
