import { inspect } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import type { SparkClientOptions } from '../src/config/options.js';
import type { SparkHookContext } from '../src/transport/hooks.js';
import { json, rejection, startServer, type TestServer } from './server.js';
import { TRANSPORTS } from './transports.js';

// A presigned URL's signature and credential (the credential percent-encoded, as S3 sends it).
const SIG = 'SECRETSIG-7f3a9c0d1e';
const CRED = 'AKIACRED%2F20261207%2Fus-east-1%2Fs3%2Faws4_request';
const QUERY = `?X-Amz-Signature=${SIG}&X-Amz-Credential=${CRED}&X-Amz-Expires=3600`;
const LEAKS = [SIG, 'AKIACRED', 'PASSWORD-123'];

/** Every way an error is shown: message, url, JSON, util.inspect (stack, cause and all). */
function expectHidden(error: { message: string; url?: string }, path = '/file.bin'): void {
  for (const view of [error.message, String(error.url), JSON.stringify(error), inspect(error, { depth: 10 })]) {
    for (const leak of LEAKS) expect(view).not.toContain(leak);
  }
  expect(error.message).toContain(`${path}?…`);
  expect(error.url).toMatch(new RegExp(`${path.replace('.', '\\.')}\\?…$`));
}

/** Collects what hooks and the logger see of each call. */
function observer() {
  const seen: string[] = [];
  const push = (ctx: SparkHookContext) => { seen.push(ctx.url); };
  const log = (message: string, context?: Record<string, unknown>) => { seen.push(message + JSON.stringify(context ?? {})); };
  const options: Partial<SparkClientOptions> = {
    logger: { debug: log, info: log, warn: log, error: log },
    hooks: { beforeRequest: [push], afterResponse: [push], beforeRetry: [(ctx, r) => { push(ctx); seen.push(r.reason); }], afterCall: [push], beforeError: [(ctx, e) => { push(ctx); seen.push(e.message); }] },
  };
  return { seen, options };
}

// Issue: an off-origin (presigned) URL's query is never shown; Spark's own is.
describe.each(TRANSPORTS)('an off-origin URL is shown without its query (%s)', (_name, transport) => {
  let spark: TestServer;
  let bucket: TestServer;
  beforeAll(async () => {
    [spark, bucket] = await Promise.all([startServer(), startServer()]);
    // The storage host a presigned URL points to, misbehaving every way a call can fail.
    bucket.handle((req, res) => {
      const route = req.url.split('/')[1];
      if (route === 'denied') {
        // S3 quotes the signature and credential it was given in a SignatureDoesNotMatch body.
        res.writeHead(403, { 'content-type': 'application/xml' });
        return void res.end(`<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>${SIG}</SignatureProvided><AWSAccessKeyId>${decodeURIComponent(CRED)}</AWSAccessKeyId></Error>`);
      }
      if (route === 'hang') return;
      if (route === 'big') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return void res.end(Buffer.alloc(64 * 1024, 7));
      }
      if (route === 'drop') return void res.socket?.destroy();
      if (route === 'html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<html>not json</html>');
      }
      if (route === 'corrupt') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return void res.end(Buffer.concat([zlib.gzipSync('{}').subarray(0, 10), Buffer.from('not deflate data')]));
      }
      if (route === 'redirect') {
        res.writeHead(302, { location: `https://elsewhere.test/object.bin${QUERY}` });
        return void res.end();
      }
      json(res, 200, { ok: true });
    });
  });
  afterAll(async () => { await Promise.all([spark.close(), bucket.close()]); });
  beforeEach(() => { spark.requests.length = 0; bucket.requests.length = 0; });

  const client = (options: Partial<SparkClientOptions> = {}) => createClient({
    baseUrl: spark.baseUrl, apiKey: 'k', maxRetries: 1, retryInterval: 0.01, timeout: 300, maxResponseBytes: 1024, ...transport, ...options,
  });
  const get = (route: string, extra = {}) => ({ operation: 'test.presigned', method: 'GET', url: `${bucket.origin}/${route}/file.bin${QUERY}`, auth: false, ...extra } as const);

  test.each(['denied', 'hang', 'big', 'drop', 'html', 'corrupt'])('a %s answer: the error shows "?…", no signature anywhere', async (route) => {
    using c = client();
    const error = await rejection(c.request(get(route)));
    expectHidden(error, `/${route}/file.bin`);
    // The transport still requested the real, signed URL.
    expect(bucket.requests[0]!.url).toBe(`/${route}/file.bin${QUERY}`);
  });

  test('a redirect names its Location without the Location\'s query', async () => {
    using c = client();
    const error = await rejection(c.request(get('redirect')));
    expectHidden(error, '/redirect/file.bin');
    expect(error.message).toContain('redirect to https://elsewhere.test/object.bin?…, which the SDK does not follow');
  });

  test('download(): a failed call and a bytes() past maxResponseBytes show no signature', async () => {
    using c = client();
    expectHidden(await rejection(c.download(get('denied'))), '/denied/file.bin');
    const download = await c.download(get('big'));
    const error = await rejection(download.bytes());
    expect(error.message).toContain('larger than maxResponseBytes (1024 bytes)');
    expectHidden(error, '/big/file.bin');
  });

  test('hooks (every one of them) and the debug log see "?…", never the signature or a password', async () => {
    const { seen, options } = observer();
    using c = client(options);
    await c.request(get('ok'));
    await rejection(c.request(get('drop')));
    // userinfo: the Node pool sends it (as Basic auth), fetch refuses the URL; neither shows it.
    await c.request({ ...get('ok'), url: `http://user:PASSWORD-123@${bucket.origin.slice(7)}/ok/file.bin${QUERY}` }).catch((e: Error) => {
      // fetch quotes the URL it refuses: its query values and userinfo are masked like secrets.
      for (const leak of LEAKS) expect(inspect(e)).not.toContain(leak);
    });
    expect(seen.join('\n')).toContain('-> GET ');
    expect(seen.join('\n')).toContain('retrying test.presigned');
    for (const leak of LEAKS) expect(seen.join('\n')).not.toContain(leak);
    expect(seen.filter((line) => line.startsWith('http')).every((url) => url.endsWith('/file.bin?…'))).toBe(true);
    expect(seen.filter((line) => line.startsWith('http')).length).toBeGreaterThanOrEqual(6);
  });

  test('Spark\'s own origin keeps its query in errors, hooks and logs (the caller\'s own parameters)', async () => {
    spark.handle((_req, res) => json(res, 404, { message: 'no such page' }));
    const { seen, options } = observer();
    using c = client(options);
    const byPath = await rejection(c.request({ operation: 'test.list', method: 'GET', path: 'api/v3/folders', query: { page: 2 } }));
    expect(byPath.message).toContain(`${spark.baseUrl}/api/v3/folders?page=2`);
    expect(byPath.url).toBe(`${spark.baseUrl}/api/v3/folders?page=2`);
    const absolute = await rejection(c.request({ operation: 'test.list', method: 'GET', url: `${spark.baseUrl}/api/v3/folders?page=3` }));
    expect(absolute.url).toBe(`${spark.baseUrl}/api/v3/folders?page=3`);
    expect(seen).toContain(`${spark.baseUrl}/api/v3/folders?page=2`);
    expect(seen.join('\n')).toContain(`-> GET ${spark.baseUrl}/api/v3/folders?page=3`);
  });

  test('a trusted origin keeps its query too; the response\'s url stays the real one', async () => {
    using c = client({ trustedOrigins: [bucket.origin] });
    const error = await rejection(c.request(get('denied')));
    expect(error.url).toBe(`${bucket.origin}/denied/file.bin${QUERY}`);
    using plain = client();
    expect((await plain.request(get('ok'))).url).toBe(`${bucket.origin}/ok/file.bin${QUERY}`);
  });
});
