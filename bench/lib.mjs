// Shared helpers for the benchmarks: a loopback Spark-like server, timing, percentiles.
import http from 'node:http';

export const EXECUTE_BODY = JSON.stringify({
  status: 'Success',
  response_data: { outputs: { volume: 37.69911184307752 }, warnings: null, errors: null, service_chain: null },
  response_meta: { service_id: 's', version_id: 'v', version: '0.1.0', process_time: 1, call_id: 'c', compiler_type: 'Neuron',
    compiler_version: '1.0.0', source_hash: null, engine_id: 'e', correlation_id: null, system: 'SPARK', request_timestamp: '2026-01-01T00:00:00Z' },
  error: null,
});

/** A minimal loopback server answering every request with a v3 execute body; counts connections. */
export async function startServer({ latencyMs = 0 } = {}) {
  let connections = 0;
  let requestBytes = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (c) => { requestBytes += c.length; });
    req.on('end', () => {
      const send = () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(EXECUTE_BODY) }); res.end(EXECUTE_BODY); };
      if (latencyMs > 0) setTimeout(send, latencyMs); else send();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', () => { connections++; });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ connections, requestBytes }),
    reset: () => { connections = 0; requestBytes = 0; },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

/** Runs `total` calls of `fn` with `concurrency` in flight; returns throughput and latency percentiles. */
export async function measure(total, concurrency, fn) {
  const latencies = new Float64Array(total);
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  async function worker() {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      await fn(i);
      latencies[i] = performance.now() - s;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort();
  return {
    rps: total / (elapsed / 1000),
    p50: latencies[Math.floor(total * 0.5)],
    p99: latencies[Math.min(total - 1, Math.floor(total * 0.99))],
    cpuUsPerCall: (cpu.user + cpu.system) / total,
  };
}

/**
 * The middle element of `xs` in the order of `by` (the upper one of two for an even count).
 * @example median([3, 1, 2]) // 2; median(runs, (r) => r.rps) // the median round
 */
export function median(xs, by = (x) => x) {
  const sorted = [...xs].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor(sorted.length / 2)];
}

export const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export function table(rows) {
  const widths = Object.keys(rows[0]).map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(Object.keys(rows[0])));
  for (const r of rows) console.log(line(Object.values(r)));
}
