import type { SparkConfig, SparkRequest } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import type { PreparedBody, SparkTransport } from './types.js';

/** A body ready to send, with the headers it implies. */
export interface Prepared {
  body: PreparedBody;
  headers: Readonly<Record<string, string>>;
  /** Whether the body can be sent again on a retry. */
  replayable: boolean;
}

const encoder = /* @__PURE__ */ new TextEncoder();
const JSON_TYPE = 'application/json';
const JSON_HEADERS: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({ 'content-type': JSON_TYPE });
const NO_HEADERS: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({});

/**
 * Serialises the body once (JSON, form, raw) and compresses it when allowed and large enough.
 * Returns a promise only when it compresses, so an uncompressed call pays no await for it.
 *
 * @example
 * const pending = prepareBody(request, config, transport);
 * const prepared = pending instanceof Promise ? await pending : pending;
 */
export function prepareBody(request: SparkRequest, config: SparkConfig, transport: SparkTransport): Prepared | Promise<Prepared> {
  let type: string | undefined;
  let body: PreparedBody;
  if (request.json !== undefined) {
    try {
      body = JSON.stringify(request.json);
    } catch (error) {
      throw new SparkSdkError(`${request.operation}: the request body cannot be serialised to JSON`, { cause: (error as Error).message });
    }
    type = JSON_TYPE;
  } else if (request.form !== undefined) {
    body = new URLSearchParams(request.form).toString();
    type = 'application/x-www-form-urlencoded';
  } else {
    body = request.body;
  }
  const threshold = config.compressAbove;
  if (request.compress && threshold !== false && transport.gzip && (typeof body === 'string' || body instanceof Uint8Array)) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    if (bytes.byteLength >= threshold) {
      const headers: Record<string, string> = type ? { 'content-type': type, 'content-encoding': 'gzip' } : { 'content-encoding': 'gzip' };
      return transport.gzip(bytes).then((gzip) => ({ body: gzip, headers, replayable: true }));
    }
  }
  // Strings and bytes first: reading the `ReadableStream` global makes Node load its web streams (2–5 ms of a first call).
  const replayable = body === undefined || typeof body === 'string' || body instanceof Uint8Array || !(body instanceof ReadableStream);
  // Read only (send() copies them): a JSON call shares one headers object.
  return { body, headers: type === JSON_TYPE ? JSON_HEADERS : type ? { 'content-type': type } : NO_HEADERS, replayable };
}
