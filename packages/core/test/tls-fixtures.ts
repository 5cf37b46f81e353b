import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether an `openssl` binary is on the PATH (needed to mint a throwaway CA). */
export const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;

/** A CA and a server certificate for 127.0.0.1/localhost, signed by it, in a temp dir. */
export interface TestPki {
  dir: string;
  caFile: string;
  ca: string;
  key: string;
  cert: string;
  remove(): void;
}

/** Mints a P-256 CA and a server certificate valid for 127.0.0.1 and localhost (one day). */
export function mintPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'spark-pki-'));
  const at = (name: string) => join(dir, name);
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '1', '-subj', '/CN=Spark SDK Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  run('req', ...ec, '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(at('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  run('x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial',
    '-out', at('server.pem'), '-days', '1', '-extfile', at('ext.cnf'));
  return {
    dir,
    caFile: at('ca.pem'),
    ca: readFileSync(at('ca.pem'), 'utf8'),
    key: readFileSync(at('server.key'), 'utf8'),
    cert: readFileSync(at('server.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Mints another server certificate signed by `pki`'s CA, for the given subjectAltName
 * (`DNS:spark.test`, `IP:127.0.0.1`, …).
 */
export function mintLeaf(pki: TestPki, san: string): { key: string; cert: string } {
  const name = san.replace(/\W+/g, '_');
  const at = (file: string) => join(pki.dir, `${name}.${file}`);
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: pki.dir, stdio: 'pipe' });
  run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', at('key'), '-out', at('csr'), '-subj', '/CN=leaf');
  writeFileSync(at('cnf'), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  run('x509', '-req', '-in', at('csr'), '-CA', join(pki.dir, 'ca.pem'), '-CAkey', join(pki.dir, 'ca.key'), '-CAcreateserial', '-out', at('pem'), '-days', '1', '-extfile', at('cnf'));
  return { key: readFileSync(at('key'), 'utf8'), cert: readFileSync(at('pem'), 'utf8') };
}

/** A loopback HTTPS server answering `{ ok: true, path }` and counting requests. */
export async function startTlsServer(pki: TestPki, leaf: { key: string; cert: string } = pki): Promise<{ origin: string; port: number; requests: string[]; sni: (string | false)[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const sni: (string | false)[] = [];
  const server = https.createServer({ key: leaf.key, cert: leaf.cert }, (req, res) => {
    requests.push(req.url ?? '');
    sni.push((req.socket as import('node:tls').TLSSocket).servername ?? false);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, path: req.url }));
    });
  });
  server.on('tlsClientError', () => {}); // a client refusing our certificate is an expected outcome
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    port,
    requests,
    sni,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** What the loopback proxy saw. */
export interface TestProxy {
  url: string;
  /** CONNECT targets (`host:port`), one per tunnel opened. */
  tunnels: string[];
  /** Request lines of plain (absolute-form) requests. */
  forwarded: string[];
  /** Proxy-Authorization headers received. */
  authorizations: (string | undefined)[];
  /** Answer CONNECT with this status instead of tunnelling. */
  refuseWith: number | undefined;
  close(): Promise<void>;
}

/** A loopback forward proxy: CONNECT tunnels and absolute-form HTTP requests. */
export async function startProxy(options: { connectTo?: string } = {}): Promise<TestProxy> {
  const sockets = new Set<net.Socket>();
  const state: Omit<TestProxy, 'url' | 'close'> = { tunnels: [], forwarded: [], authorizations: [], refuseWith: undefined };
  const server = http.createServer((req, res) => {
    state.forwarded.push(`${req.method} ${req.url}`);
    state.authorizations.push(req.headers['proxy-authorization']);
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    state.authorizations.push(req.headers['proxy-authorization']);
    if (state.refuseWith !== undefined) {
      client.end(`HTTP/1.1 ${state.refuseWith} Refused\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    state.tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    // `connectTo` plays the proxy's DNS: test host names (spark.test) reach a loopback server.
    const upstream = net.connect(Number(port), options.connectTo ?? host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}
