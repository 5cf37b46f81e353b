import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync, deflateSync } from 'node:zlib';
import { boundaryOf, parseMultipart, type MultipartPart } from './multipart.js';
import { badRequest } from './http-error.js';

const GZIP_MIN_BYTES = 1024;

/** Per-request context handed to route handlers. */
export class Ctx {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly path: string;
  readonly search: string;
  params: Record<string, string> = {};
  raw: Buffer = Buffer.alloc(0);
  routeName = '';
  /** Hold the answer this long after the handler produced it (an `answerDelayMs` fault). */
  answerDelayMs = 0;
  /** Whether an answer was produced (it may still be held back). */
  answered = false;
  /** Whether the request body was read (else an error answer closes the connection). */
  bodyRead = false;
  /** A `/public/` route: only services marked public may be located. */
  publicOnly = false;
  private parsedJson: unknown;
  private jsonDone = false;
  private parts: MultipartPart[] | undefined;

  constructor(req: IncomingMessage, res: ServerResponse) {
    this.req = req;
    this.res = res;
    this.method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    this.path = q === -1 ? url : url.slice(0, q);
    this.search = q === -1 ? '' : url.slice(q + 1);
  }

  /** The `publicUrl` option (origin only), when the emulator sits behind a front. */
  publicOrigin: string | undefined;

  /**
   * Scheme + host for absolute URLs handed out in responses: `publicUrl` when set, else the
   * `Host` the client used with `https` when an HTTPS front says so (`X-Forwarded-Proto`).
   */
  get origin(): string {
    if (this.publicOrigin) return this.publicOrigin;
    const proto = this.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https' ? 'https' : 'http';
    return `${proto}://${this.req.headers.host ?? 'localhost'}`;
  }

  /** Host (and port) of {@link origin}. */
  get host(): string {
    return new URL(this.origin).host;
  }

  /** Query parameters. */
  get query(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  /** Lower-cased request header value. */
  header(name: string): string | undefined {
    const v = this.req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  }

  /** The body parsed as JSON (`null` for empty bodies or the literal `null`); 400 on bad JSON. */
  json(): unknown {
    if (!this.jsonDone) {
      this.jsonDone = true;
      const type = this.header('content-type') ?? '';
      if (this.raw.length === 0 || type.includes('multipart/') || type.includes('x-www-form-urlencoded')) {
        this.parsedJson = null;
      } else {
        try {
          this.parsedJson = JSON.parse(this.raw.toString('utf8'));
        } catch {
          throw badRequest('request body is not valid JSON');
        }
      }
    }
    return this.parsedJson;
  }

  /** Multipart parts (empty when the body is not multipart). */
  multipart(): MultipartPart[] {
    if (!this.parts) {
      const boundary = boundaryOf(this.header('content-type') ?? '');
      this.parts = boundary ? parseMultipart(this.raw, boundary) : [];
    }
    return this.parts;
  }

  /** Text fields of a urlencoded or multipart body, keys as sent. */
  fields(): Record<string, string> {
    const type = this.header('content-type') ?? '';
    const out: Record<string, string> = {};
    if (type.includes('x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(this.raw.toString('utf8'))) out[k] = v;
    } else if (type.includes('multipart/')) {
      for (const p of this.multipart()) if (p.filename === undefined) out[p.name] = p.data.toString('utf8');
    }
    return out;
  }

  /** Sends a JSON body (gzip/deflate-compressed above 1 KB when the client accepts it). */
  send(status: number, body: unknown, headers?: Record<string, string>): void {
    const text = JSON.stringify(body);
    this.sendBytes(status, Buffer.from(text, 'utf8'), 'application/json; charset=utf-8', headers);
  }

  /** Sends bytes with a content type, compressing when allowed and worthwhile. */
  sendBytes(status: number, data: Uint8Array, contentType: string, headers?: Record<string, string>): void {
    if (this.answered || this.res.headersSent || this.res.destroyed) return;
    this.answered = true;
    if (this.answerDelayMs > 0) setTimeout(() => this.write(status, data, contentType, headers), this.answerDelayMs);
    else this.write(status, data, contentType, headers);
  }

  private write(status: number, data: Uint8Array, contentType: string, headers?: Record<string, string>): void {
    const res = this.res;
    if (res.headersSent || res.destroyed) return;
    let payload: Uint8Array = data;
    if (data.length > GZIP_MIN_BYTES && !contentType.includes('zip') && !contentType.includes('sheet')) {
      const accept = this.header('accept-encoding') ?? '';
      if (/\bgzip\b/i.test(accept)) {
        payload = gzipSync(data);
        res.setHeader('content-encoding', 'gzip');
      } else if (/\bdeflate\b/i.test(accept)) {
        payload = deflateSync(data);
        res.setHeader('content-encoding', 'deflate');
      }
    }
    res.setHeader('content-type', contentType);
    res.setHeader('content-length', payload.length);
    if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.writeHead(status);
    res.end(payload);
  }
}
