// The floor for runBatch: the same async batch protocol (create, push tabular chunks, pull
// results, close) written by hand with no SDK — no retries, no exactly-once ledger, no
// ordering, no progress, no validation. Two transports: global fetch and node:http keep-alive.
// bench/batch.mjs runs it in the same process and prints runBatch's CPU per record against it.
import http from 'node:http';

/** A JSON client over global fetch (what the guide calls raw fetch). */
export function fetchJson(key) {
  const headers = { 'x-synthetic-key': key, 'content-type': 'application/json', 'accept-encoding': 'gzip' };
  return async (method, url, body) => {
    const res = await fetch(url, { method, headers, body });
    if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status}`);
    return res.json();
  };
}

/** A JSON client over one node:http keep-alive agent (gunzips like fetch does). */
export async function nodeJson(key) {
  const { createGunzip } = await import('node:zlib');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const client = (method, url, body) => new Promise((resolve, reject) => {
    const headers = { 'x-synthetic-key': key, 'content-type': 'application/json', 'accept-encoding': 'gzip' };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request(url, { method, headers, agent }, (res) => {
      const stream = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      const parts = [];
      stream.on('data', (c) => parts.push(c));
      stream.on('error', reject);
      stream.on('end', () => {
        if ((res.statusCode ?? 0) >= 400) return reject(new Error(`${method} ${url}: HTTP ${res.statusCode}`));
        try { resolve(JSON.parse(Buffer.concat(parts).toString('utf8'))); } catch (e) { reject(e); }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  client.close = () => agent.destroy();
  return client;
}

/**
 * Runs `n` records from the iterable `records` (objects with the same keys, like runBatch
 * takes them) through an async batch on `base` (the tenant URL) and calls
 * `onResult(index, outputs)` once per record. At most `inflight` chunks are pushed and not
 * yet pulled; the puller pulls again at once while Spark reports more, and starts a
 * round of pulls every `pollMs` (runBatch's default minimum interval is 25 ms).
 */
export async function rawBatch(call, base, service, { records, n, chunkSize, inflight, pollMs = 25, onResult }) {
  const batch = await call('POST', `${base}/api/v4/batch`, JSON.stringify({ service, acceptable_error_percentage: 0 }));
  const url = `${base}/api/v4/batch/${batch.id}`;
  const starts = new Map();
  let pushed = 0;
  let done = 0;
  let wake;
  const room = () => new Promise((r) => { wake = r; });
  const input = records[Symbol.iterator]();
  let header;
  async function pusher() {
    for (let c = 0, start = 0; start < n; c++, start += chunkSize) {
      while (starts.size >= inflight) await room();
      const size = Math.min(chunkSize, n - start);
      const rows = new Array(size + 1);
      for (let i = 1; i <= size; i++) {
        const record = input.next().value;
        header ??= Object.keys(record);
        const row = new Array(header.length);
        for (let k = 0; k < header.length; k++) row[k] = record[header[k]];
        rows[i] = row;
      }
      rows[0] = header;
      const id = String(c);
      starts.set(id, start);
      await call('POST', `${url}/chunks`, JSON.stringify({ chunks: [{ id, size, data: { inputs: rows, parameters: {} } }] }));
      pushed += size;
    }
  }
  async function puller() {
    // Rounds of pulls (back to back while Spark reports more) start every `pollMs`, counted from
    // a round's first pull, as runBatch's do (since 2026-12-07; before, both waited `pollMs` after
    // a round's last pull, so the pulls' own time stretched every interval).
    let more = false;
    let roundStart = 0;
    while (done < n) {
      if (!more) roundStart = Date.now();
      const { data, status } = await call('GET', `${url}/chunkresults?max=100`);
      for (const chunk of data) {
        const start = starts.get(chunk.id);
        starts.delete(chunk.id);
        const outputs = chunk.outputs;
        for (let i = 0; i < outputs.length; i++) onResult(start + i, outputs[i]);
        done += outputs.length;
      }
      if (data.length > 0) wake?.();
      more = data.length > 0 && status.chunks_available > 0;
      if (more) continue;
      await new Promise((r) => setTimeout(r, Math.max(0, pollMs - (Date.now() - roundStart))));
    }
  }
  await Promise.all([pusher(), puller()]);
  await call('PATCH', url, JSON.stringify({ batch_status: 'closed' }));
  return { pushed, done };
}
