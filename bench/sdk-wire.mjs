// The bytes the SDK sends for one v3 execute, captured once from a real SDK call to a loopback
// server on port 0, so a raw node:http client can send exactly them (the execute benchmark's
// "raw node:http (sdk wire)"): what the SDK costs beyond the Spark wire contract (its headers and
// request_meta), as opposed to beyond a minimal request.
import http from 'node:http';
import { EXECUTE_BODY } from './lib.mjs';

/** Headers Node's http client sets on its own. */
const NODE_SETS = new Set(['host', 'connection', 'content-length']);

/**
 * Makes one SDK execute of `service` against a capture server and returns its headers (without
 * host, connection and content-length) and body.
 * @returns {Promise<{ headers: Record<string, string>, body: string }>}
 */
export async function captureSdkWire(tenant, service, inputs) {
  const { createClient, apiKey } = await import('@spark/core');
  const { executeService } = await import('@spark/services');
  let captured;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const headers = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) if (!NODE_SETS.has(req.rawHeaders[i].toLowerCase())) headers[req.rawHeaders[i]] = req.rawHeaders[i + 1];
      captured = { headers, body: Buffer.concat(chunks).toString('utf8') };
      res.writeHead(200, { 'content-type': 'application/json' }).end(EXECUTE_BODY);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const spark = createClient({ baseUrl: `http://127.0.0.1:${server.address().port}/${tenant}`, auth: apiKey('bench-key'), maxRetries: 0 });
  try {
    await executeService(spark, service, { inputs });
  } finally {
    spark.close();
    await new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); });
  }
  return captured;
}
