import { AttemptAbort, linkToClose } from './attempt-abort.js';
import type { PreparedBody, SparkTransport, TransportResponse } from './types.js';

/** Why an attempt was cut short by the SDK rather than failing on its own. */
type AbortCause = 'timeout' | 'caller' | 'closed' | undefined;

/** One attempt in flight: the response (headers read) and how to finish with it. */
export interface Attempt {
  response: TransportResponse;
  /** Reads the body in the given form, within the attempt's timeout. */
  read(type: 'json' | 'text' | 'bytes'): Promise<unknown>;
  /**
   * Stops the timeout and unhooks the signals. `keepLinks` keeps the caller and close links so
   * a streamed body can still be aborted; call `finish()` again once the stream settles.
   */
  finish(keepLinks?: boolean): void;
  cause(): AbortCause;
}

/** What {@link startAttempt} needs. */
export interface AttemptInit {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: PreparedBody;
  timeout: number;
  stream: boolean;
  callerSignal: AbortSignal | undefined;
  closeSignal: AbortSignal;
  transport: SparkTransport;
}

const decoder = /* @__PURE__ */ new TextDecoder();
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Starts one attempt: one timer, one {@link AttemptAbort} linked to the caller's signal and
 * the client's close signal. Rejects with the raw transport error; the caller classifies it
 * with `cause()` (exposed on the error as `sparkCause`).
 */
export async function startAttempt(init: AttemptInit): Promise<Attempt> {
  const abort = new AttemptAbort();
  let why: AbortCause;
  const onCaller = (): void => { why ??= 'caller'; abort.abort(init.callerSignal?.reason); };
  const onClose = (): void => { why ??= 'closed'; abort.abort(init.closeSignal.reason); };
  // setTimeout fires at once for delays beyond 2^31-1 ms, so a huge timeout would abort immediately.
  const timer = setTimeout(() => { why ??= 'timeout'; abort.abort(new Error('timeout')); }, Math.min(init.timeout, MAX_TIMER_MS));
  init.callerSignal?.addEventListener('abort', onCaller, { once: true });
  const unlinkClose = linkToClose(init.closeSignal, onClose);
  // Idempotent, and callable again without `keepLinks` to drop the links a stream kept.
  const finish = (keepLinks = false): void => {
    clearTimeout(timer);
    if (keepLinks) return;
    init.callerSignal?.removeEventListener('abort', onCaller);
    unlinkClose();
  };
  const fail = (error: unknown): never => {
    finish();
    // When the SDK aborted, the raw error may be the caller's own reason object: never mutate it.
    throw why ? Object.assign(new Error(`attempt aborted (${why})`), { sparkCause: why }) : asObject(error);
  };
  if (init.callerSignal?.aborted) onCaller();
  if (init.closeSignal.aborted) onClose();
  let response: TransportResponse;
  try {
    if (abort.aborted) throw abort.reason;
    response = await init.transport.request({
      url: init.url, method: init.method, headers: init.headers, body: init.body, abort, stream: init.stream,
    });
  } catch (error) {
    return fail(error);
  }
  const read = async (type: 'json' | 'text' | 'bytes'): Promise<unknown> => {
    try {
      const raw = response.rawBody;
      if (type === 'bytes') return raw ?? new Uint8Array(await response.arrayBuffer());
      const text = raw ? decoder.decode(raw) : await response.text();
      if (type === 'text') return text;
      const contentType = response.headers.get('content-type') ?? '';
      if (text === '' || !contentType.includes('json')) return contentType.includes('json') || text === '' ? null : text;
      return JSON.parse(text);
    } catch (error) {
      return fail(error);
    } finally {
      finish();
    }
  };
  return { response, read, finish, cause: () => why };
}

function asObject(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
