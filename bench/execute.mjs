// Execute benchmark: the SDK vs raw global fetch vs raw node:http keep-alive (a minimal request, and
// the SDK's own headers and body sent by hand: sdk-wire.mjs), same run, same server.
// The server (and the optional latency proxy) runs in a child process, so "cpu µs/call" is the
// client's alone and the client does not share its event loop with the server. Each client is
// measured in a fresh process of its own (since 2026-12-07; before, one process measured raw
// fetch, raw node:http, then the SDK, which then ran on the heap and the garbage of the two before
// it), one process per round, the clients taking turns round by round, each process warmed up
// with 1,000 calls (since 2026-12-08; before, 200 calls, then three rounds in one process).
// Usage: node bench/execute.mjs [--sequential 2000] [--parallel 5000] [--rounds 3] [--warmup 1000] [--latency 0]
//                               [--proxy-latency 0] [--in-process] [--clients 'spark sdk,raw node:http']
//                               [--loads 32] [--rss]   (--rss: print the process's peak RSS as JSON at the end)
//                               [--url URL --json]      (measure in this process against a running server, print JSON)
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { startServer, fmt, median, table } from './lib.mjs';
import { CLIENTS, measureClients, POOL } from './execute-clients.mjs';
import { startProxy, startServerProcess } from './servers.mjs';

const SELF = fileURLToPath(import.meta.url);

/**
 * Runs the execute benchmark and returns its rows and the raw medians.
 * @param {{ sequential?: number, parallel?: number, rounds?: number, warmup?: number, latencyMs?: number, proxyLatencyMs?: number, inProcess?: boolean, isolate?: boolean, clients?: string[], loads?: number[] }} options (isolate: each client in a fresh process, the default unless inProcess)
 */
export async function runExecuteBench({ sequential = 2000, parallel = 5000, rounds = 3, warmup = 1000, latencyMs = 0, proxyLatencyMs = 0, inProcess = false, isolate = !inProcess, clients: only, loads = [1, 32] } = {}) {
  const names = CLIENTS.filter((name) => !only || only.includes(name));
  const server = inProcess ? await inProcessServers(latencyMs, proxyLatencyMs) : await startServerProcess({ kind: 'execute', latencyMs, proxyLatencyMs });
  const labels = [['1 in flight', sequential, 1], ['32 in flight', parallel, 32]].filter(([, , c]) => loads.includes(c));
  const counters = { before: () => server.reset(), after: async () => ({ connections: (await server.stats()).connections }) };
  let results = {};
  if (!isolate) results = await measureClients(server.url, names, labels, { rounds, warmup, ...counters });
  else {
    // Each round of each client at each load in a fresh process, against the same server. The
    // clients take turns round by round (since 2026-12-08), so a machine whose speed drifts over
    // a minute weighs on every client alike; the median round by req/s is each client's figure.
    for (const [label, total, concurrency] of labels) {
      const measured = Object.fromEntries(names.map((name) => [name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const name of names) {
          await server.reset();
          const args = [SELF, '--url', server.url, '--json', '--clients', name, '--loads', String(concurrency), '--rounds', '1', '--warmup', String(warmup),
            concurrency === 1 ? '--sequential' : '--parallel', String(total)];
          const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
          const one = JSON.parse(stdout.trim().split('\n').pop())[`${label}|${name}`];
          measured[name].push({ ...one, connections: (await server.stats()).connections });
        }
      }
      for (const name of names) {
        const runs = measured[name];
        results[`${label}|${name}`] = { ...median(runs, (r) => r.rps), connections: Math.max(...runs.map((r) => r.connections)), rounds: runs.map((r) => r.rps).sort((a, b) => a - b) };
      }
    }
  }
  await server.close();

  const rows = [];
  for (const [label] of labels) {
    const rawFetch = results[`${label}|raw fetch`]?.rps ?? NaN;
    const rawHttp = results[`${label}|raw node:http`]?.rps ?? NaN;
    for (const name of names) {
      const m = results[`${label}|${name}`];
      rows.push({ load: label, client: name, 'req/s': fmt(m.rps), 'p50 ms': fmt(m.p50, 2), 'p99 ms': fmt(m.p99, 2),
        'cpu µs/call': fmt(m.cpuUsPerCall), 'conns opened': m.connections, 'vs fetch': fmt(m.rps / rawFetch, 2) + '×', 'vs node:http': fmt(m.rps / rawHttp, 2) + '×' });
    }
  }
  const where = [inProcess ? 'server in-process' : 'server in a child process',
    latencyMs ? `+${latencyMs} ms server latency` : '', proxyLatencyMs ? `through a keep-alive proxy adding ${proxyLatencyMs} ms per round trip` : ''].filter(Boolean).join(', ');
  const title = `execute benchmark (Node ${process.versions.node}, loopback, ${where}, ${isolate ? 'each client in a fresh process' : 'clients in one process'}; median of ${rounds} rounds; ${sequential} sequential, ${parallel} at 32 in flight; pool ${POOL})`;
  return { title, rows, results };
}

async function inProcessServers(latencyMs, proxyLatencyMs) {
  const server = await startServer({ latencyMs });
  const proxy = proxyLatencyMs > 0 ? await startProxy(server.url, { latencyMs: proxyLatencyMs }) : undefined;
  return {
    url: (proxy ?? server).url,
    reset: () => { server.reset(); proxy?.reset(); },
    stats: () => ({ ...server.stats(), ...(proxy ? proxy.stats() : {}) }),
    close: async () => { await proxy?.close(); await server.close(); },
  };
}

if (process.argv[1] === SELF) {
  const { values } = parseArgs({ options: {
    sequential: { type: 'string', default: '2000' }, parallel: { type: 'string', default: '5000' },
    latency: { type: 'string', default: '0' }, rounds: { type: 'string', default: '3' },
    'proxy-latency': { type: 'string', default: '0' }, warmup: { type: 'string', default: '1000' }, 'in-process': { type: 'boolean', default: false },
    clients: { type: 'string' }, loads: { type: 'string', default: '1,32' }, rss: { type: 'boolean', default: false },
    url: { type: 'string' }, json: { type: 'boolean', default: false },
  } });
  const loads = values.loads.split(',').map(Number);
  const options = { sequential: Number(values.sequential), parallel: Number(values.parallel), rounds: Number(values.rounds), warmup: Number(values.warmup) };
  if (values.url) {
    // One process's measurement against a running server (what runExecuteBench starts per client).
    const labels = [['1 in flight', options.sequential, 1], ['32 in flight', options.parallel, 32]].filter(([, , c]) => loads.includes(c));
    const results = await measureClients(values.url, CLIENTS.filter((name) => values.clients?.split(',').includes(name) ?? true), labels, options);
    if (values.json) console.log(JSON.stringify(results));
    else console.log(results);
    process.exit(0);
  }
  // --rss measures in this process (the server stays a child): the peak RSS is this one client's own.
  const { title, rows } = await runExecuteBench({ ...options, latencyMs: Number(values.latency), proxyLatencyMs: Number(values['proxy-latency']),
    inProcess: values['in-process'], isolate: !values['in-process'] && !values.rss, clients: values.clients?.split(','), loads });
  if (values.rss) {
    // resourceUsage().maxRSS is in KiB: the peak of this (client) process; the server is a child.
    console.log(JSON.stringify({ peakRssMB: process.resourceUsage().maxRSS / 1024 }));
    process.exit(0);
  }
  console.log(title);
  table(rows);
  process.exit(0);
}
