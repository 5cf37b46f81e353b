// A vitest setup file injected by run-audit.mjs into every SDK package's suite:
// every client logs at debug level into a capture (tests keep their own logger too), console
// output and uncaught errors are captured, and after each test file the capture is checked
// against the secrets every client held. Findings go to $SPARK_AUDIT_DIR.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, inspect } from 'node:util';
import { afterAll, expect, vi } from 'vitest';

type Auth = { secrets(): readonly string[] };
type Logger = Record<'debug' | 'info' | 'warn' | 'error', (message: string, context?: Record<string, unknown>) => void>;
const state = (globalThis as { __sparkAudit?: { captured: string[]; auths: Auth[] } }).__sparkAudit ??= { captured: [], auths: [] };

function capturing(original: unknown): Logger {
  const inner = (typeof original === 'object' && original !== null ? original : undefined) as Logger | undefined;
  const at = (level: keyof Logger) => (message: string, context?: Record<string, unknown>) => {
    state.captured.push(`${level} ${message} ${inspect(context, { depth: 10 })} ${JSON.stringify(context) ?? ''}`);
    inner?.[level](message, context);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Wraps a client factory (`createCore(options, platform)` or `createClient(options)`): debug logging into the capture, auth recorded. */
function wrap<F extends (options: Record<string, unknown> | undefined, ...rest: never[]) => { config: { auth: Auth } }>(create: F): F {
  return ((options: Record<string, unknown> | undefined, ...rest: never[]) => {
    const logger = options?.logger;
    // Level/boolean loggers write to console, which is captured below; objects and silence get a tee.
    const patched = typeof logger === 'string' || logger === true ? options : { ...options, logger: capturing(logger) };
    const client = create(patched, ...rest);
    state.auths.push(client.config.auth);
    return client;
  }) as F;
}

type Factory = Parameters<typeof wrap>[0];
const coreDir = new URL('../../../packages/core/', import.meta.url);
const at = (file: string): string => fileURLToPath(new URL(file, coreDir));
// Core's own suite imports its source modules: wrap createCore, which every createClient calls.
vi.doMock(at('src/client/create-core.ts'), async (importOriginal) => {
  const original = await importOriginal<{ createCore: Factory }>();
  return { ...original, createCore: wrap(original.createCore) };
});
// Every other suite imports @spark/core, built: in Node the one-file bundle (`node` condition),
// elsewhere the per-module build. Both export createClient, which every client goes through.
for (const file of ['dist/index.node.js', 'dist/index.js'].map(at)) {
  vi.doMock(file, async (importOriginal) => {
    const original = await importOriginal<{ createClient: Factory }>();
    return { ...original, createClient: wrap(original.createClient) };
  });
}

for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    state.captured.push(format(...args));
    if (!String(args[0]).startsWith('[spark]')) original(...args);
  };
}
const onError = (error: unknown) => { state.captured.push(`uncaught ${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error) ?? ''}`); };
process.on('uncaughtExceptionMonitor', onError);
process.on('unhandledRejection', onError);

afterAll(() => {
  const dir = process.env.SPARK_AUDIT_DIR;
  const secrets = new Set<string>();
  for (const auth of state.auths) {
    try { for (const s of auth.secrets()) if (s.length >= 8) secrets.add(s); } catch { /* a broken test double */ }
  }
  const text = state.captured.join('\n');
  const leaks = [...secrets].filter((s) => text.includes(s)).map((s) => {
    const at = text.indexOf(s);
    return { secret: `${s.slice(0, 3)}…(${s.length})`, context: text.slice(Math.max(0, at - 120), at + s.length + 40).replaceAll(s, '<SECRET>') };
  });
  if (dir) {
    appendFileSync(join(dir, 'audit.ndjson'), `${JSON.stringify({ file: expect.getState().testPath, clients: state.auths.length, secrets: secrets.size, capturedLines: state.captured.length, leaks })}\n`);
  }
  state.captured.length = 0;
  state.auths.length = 0;
});
