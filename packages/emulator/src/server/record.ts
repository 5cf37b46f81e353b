import type { RecordedRequest } from '../types.js';
import type { Ctx } from './context.js';

const RING_SIZE = 1000;

/** The `emulator.requests` ring: the last 1,000 requests, bodies cut to a prefix. */
export class RequestLog {
  constructor(
    readonly entries: RecordedRequest[],
    private readonly bodyPrefixBytes: number,
  ) {}

  /** Records a request as it arrives (before its body is read or it is authorised). */
  start(ctx: Ctx): RecordedRequest {
    const entry: RecordedRequest = { method: ctx.method, path: ctx.req.url ?? '/', headers: { ...ctx.req.headers } };
    this.entries.push(entry);
    if (this.entries.length > RING_SIZE) this.entries.shift();
    return entry;
  }

  /** Adds the decoded body to an entry: a prefix of text bodies, only the size of binary ones. */
  body(entry: RecordedRequest, ctx: Ctx): void {
    const raw = ctx.raw;
    if (raw.length === 0) return;
    entry.bodyBytes = raw.length;
    const type = ctx.header('content-type') ?? '';
    if (type.includes('multipart/') || type.includes('octet-stream') || type.includes('zip')) return;
    const cut = raw.length > this.bodyPrefixBytes;
    entry.body = (cut ? raw.subarray(0, this.bodyPrefixBytes) : raw).toString('utf8');
    if (cut) entry.bodyTruncated = true;
  }
}
