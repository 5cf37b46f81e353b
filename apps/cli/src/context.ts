import type { Client, ClientOptions } from '@spark/sdk';
import { clientOptionsFromFlags, type ConnectionFlags, type SettingsSources } from './client-from-flags.js';
import type { CliIo } from './output.js';
import { debugHooks } from './debug-trace.js';
import { UsageError } from './errors.js';

/** Every global flag: connection settings plus output switches. */
export interface GlobalFlags extends ConnectionFlags {
  json?: boolean;
  debug?: boolean;
}

/** What a command's action receives. */
export interface CommandContext {
  io: CliIo;
  flags: GlobalFlags;
  /** Aborts on SIGINT. */
  signal: AbortSignal;
  sources: SettingsSources;
  /** The arguments after `spark` (for messages that repeat the command). */
  argv: string[];
}

/** A command handler: positional arguments and the command's own options; may return an exit code. */
export type Handler<O> = (ctx: CommandContext, args: string[], options: O) => Promise<number | void>;

/** Shared state of one CLI run: streams, SIGINT signal, and the exit code set by the action. */
export interface CliApp {
  /** Wraps a handler as a commander action. */
  action<O>(handler: Handler<O>): (...params: unknown[]) => Promise<void>;
  exitCode: number;
}

/**
 * Resolves the client options of a command (flags, profile, environment).
 *
 * @param ctx - the command context
 * @param overrides - options that win over everything (e.g. public auth for `health`)
 * @returns the options for `new Client()`
 * @example
 * const options = await resolveClientOptions(ctx);
 */
async function resolveClientOptions(ctx: CommandContext, overrides: Partial<ClientOptions> = {}): Promise<ClientOptions> {
  const trace = ctx.io.debug ? { hooks: debugHooks(ctx.io) } : {};
  return { ...(await clientOptionsFromFlags(ctx.flags, ctx.sources)), ...trace, ...overrides };
}

/**
 * Opens a client from the command's settings, runs `fn`, and closes the client once `fn`
 * has settled (also when it fails or Ctrl-C aborted it).
 *
 * @param ctx - the command context
 * @param fn - the work to do with the client
 * @param overrides - options that win over flags, profile and environment
 * @returns what `fn` returns
 * @example
 * const result = await withClient(ctx, (spark) => spark.services.execute('f/s', { inputs }));
 */
export async function withClient<T>(ctx: CommandContext, fn: (client: Client) => Promise<T>, overrides: Partial<ClientOptions> = {}): Promise<T> {
  const options = await resolveClientOptions(ctx, overrides);
  const { Client } = await import('@spark/sdk');
  const client = openClient(Client, options);
  // Not closed on abort: calls see the signal themselves, and a batch run must still be able
  // to cancel its pipeline on Spark after Ctrl-C. Closed once `fn` has settled.
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

/** The hint for a command run without credentials: CLI flags, not the SDK's option names. */
const NO_CREDENTIALS =
  'no credentials: pass --api-key, --token, or --client-id with --client-secret; set CSPARK_API_KEY, CSPARK_BEARER_TOKEN, ' +
  'or CSPARK_CLIENT_ID and CSPARK_CLIENT_SECRET; or keep them in a profile (--profile). Public services take --api-key open';

/** Where the base URL comes from, in CLI terms. */
const BASE_URL_SOURCES = '--base-url, CSPARK_BASE_URL or the profile’s baseUrl';

/**
 * The SDK's base URL and tenant errors in CLI terms (flags, variables, profile), or undefined
 * for any other message. The SDK names its own options (baseUrl, env, tenant).
 *
 * @param message - a `SparkSdkError` message from `new Client()`
 * @returns the message for a CLI user, or undefined to keep the SDK's
 * @example
 * locationMessage('tenant is required: put it in baseUrl ("http://127.0.0.1:3000/my-tenant") or pass tenant')
 * // 'no tenant: the first path segment of the base URL is the tenant ("http://127.0.0.1:3000/my-tenant"); …'
 */
export function locationMessage(message: string): string | undefined {
  if (/^baseUrl is required: pass baseUrl \(e\.g\./.test(message)) {
    return (
      'no base URL: pass --base-url (http://127.0.0.1:3000/my-tenant for `spark emulator start`, ' +
      'https://excel.uat.us.coherent.global/my-tenant for Spark) or --env with --tenant; set CSPARK_BASE_URL; ' +
      'or keep it in a profile (--profile)'
    );
  }
  const tenant = /^tenant is required: put it in baseUrl \(("[^"]*")\)/.exec(message);
  if (tenant) {
    return `no tenant: the first path segment of the base URL is the tenant (${tenant[1]}); add it to ${BASE_URL_SOURCES}, or pass --tenant`;
  }
  const missing = /^(env and tenant|env|tenant) required: pass baseUrl, or both env and tenant/.exec(message);
  if (missing) {
    const flags = missing[1]!.split(' and ').map((name) => `--${name}`).join(' and ');
    return `${flags} required: pass --base-url, or both --env and --tenant (or CSPARK_ENV and CSPARK_TENANT)`;
  }
  if (/^baseUrl (must|has) /.test(message)) return `the base URL (${BASE_URL_SOURCES}) ${message.slice('baseUrl '.length)}`;
  return undefined;
}

function openClient(ClientClass: new (options: ClientOptions) => Client, options: ClientOptions): Client {
  try {
    return new ClientClass(options);
  } catch (error) {
    // The SDK names its own options (apiKey, token, oauth); a CLI user needs the flags.
    if (error instanceof Error && error.name === 'SparkSdkError' && /^authentication is required/.test(error.message)) {
      throw new UsageError(NO_CREDENTIALS);
    }
    const location = error instanceof Error && error.name === 'SparkSdkError' ? locationMessage(error.message) : undefined;
    if (location !== undefined) throw new UsageError(location);
    throw error;
  }
}
