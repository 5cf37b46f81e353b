import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

/** What a raw request got back. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request with exactly these headers (a hostile `Host`, `Origin`, …) over node:http.
 * @example await rawRequest(emu.url, 'GET', '/health', { host: 'attacker.example' })
 */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string | number>, body?: Uint8Array | string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A TCP socket to the emulator, with everything it received and when it closed. */
export interface RawSocket {
  socket: Socket;
  received(): string;
  /** Resolves with the ms from connect to close, or rejects after `withinMs`. */
  closed(withinMs: number): Promise<number>;
}

/** Opens a plain TCP connection to `http://host:port`. */
export async function openSocket(base: string): Promise<RawSocket> {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const started = Date.now();
  let data = '';
  socket.on('data', (c: Buffer) => (data += c.toString('utf8')));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
  return {
    socket,
    received: () => data,
    closed: (withinMs) =>
      Promise.race([
        closed,
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`connection still open after ${withinMs} ms`)), withinMs).unref()),
      ]),
  };
}

/** Writes `text` one byte every `everyMs` until the socket closes or the text ends. */
export async function drip(s: RawSocket, text: string, everyMs: number): Promise<void> {
  for (const ch of text) {
    if (s.socket.destroyed || s.socket.writableEnded) return;
    s.socket.write(ch);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
