import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The committed launcher, which runs the built `dist/main.js`. */
export const BIN = fileURLToPath(new URL('../bin/spark.js', import.meta.url));

/** What one run of the binary produced. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment for the child: no CSPARK_* from the developer's shell, a throwaway HOME. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('CSPARK_')) env[key] = value;
  return { ...env, HOME: home, USERPROFILE: home, NO_COLOR: '1', ...extra };
}

/** Runs `node bin/spark.js …args` and collects its exit code and output; `input` is written to its stdin. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { env, cwd, maxBuffer: 256 * 1024 * 1024, timeout: 110_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Starts the binary without waiting for it (for `emulator start`). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Deterministic cylinder records and their expected volumes. */
export function cylinders(count: number): { radius: number; height: number }[] {
  return Array.from({ length: count }, (_, i) => ({ radius: 1 + (i % 17) / 4, height: 2 + (i % 11) / 2 }));
}

/** A running `spark` child: its output so far and its exit. */
export interface RunningCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the binary with piped output (for signals sent mid-run). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves once `check` holds (polled every 20 ms), or rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The volume the built-in model computes. */
export const volume = (r: { radius: number; height: number }) => Math.PI * r.radius * r.radius * r.height;
