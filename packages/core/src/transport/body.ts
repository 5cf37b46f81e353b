import type { SparkConfig, SparkRequest } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import type { PreparedBody, SparkTransport } from './types.js';

/** A body ready to send, with the headers it implies. */
export interface Prepared {
  body: PreparedBody;
  /** `content-type` to send (JSON and form bodies). */
  contentType: string | undefined;
  /** Whether the body was gzipped (`content-encoding: gzip`). */
  gzipped: boolean;
  /** Whether the body can be sent again on a retry. */
  replayable: boolean;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** Serialises the body once (JSON, form, raw) and compresses it when allowed and large enough. */
export async function prepareBody(request: SparkRequest, config: SparkConfig, transport: SparkTransport): Promise<Prepared> {
  let contentType: string | undefined;
  let gzipped = false;
  let body: PreparedBody;
  if (request.json !== undefined) {
    try {
      body = JSON.stringify(request.json);
    } catch (error) {
      throw new SparkSdkError(`${request.operation}: the request body cannot be serialised to JSON`, { cause: (error as Error).message });
    }
    contentType = 'application/json';
  } else if (request.form !== undefined) {
    body = new URLSearchParams(request.form).toString();
    contentType = 'application/x-www-form-urlencoded';
  } else {
    body = request.body;
  }
  const threshold = config.compressAbove;
  if (request.compress && threshold !== false && transport.gzip && (typeof body === 'string' || body instanceof Uint8Array)) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    if (bytes.byteLength >= threshold) {
      body = await transport.gzip(bytes);
      gzipped = true;
    }
  }
  // Strings and bytes first: reading the `ReadableStream` global makes Node load its web streams (2–5 ms of a first call).
  const replayable = body === undefined || typeof body === 'string' || body instanceof Uint8Array || !(body instanceof ReadableStream);
  return { body, contentType, gzipped, replayable };
}
