import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.js';
import type { Emulator, EmulatorOptions } from './types.js';

const HELP = `Usage: spark-emulator [options]

Starts a local Coherent Spark API emulator.

Options:
  -p, --port <n>             port (default 3000; 0 = any free port)
      --host <host>          interface to bind (default 127.0.0.1)
  -t, --tenant <name>        tenant name (default my-tenant)
      --api-key <key>        accepted x-synthetic-key (repeatable; default test-api-key)
      --token <token>        accepted static bearer token (repeatable; default test-access-token)
      --client <id:secret>   OAuth2 client credentials (repeatable; default test-client:test-client-secret)
      --token-ttl <s>        lifetime of issued tokens in seconds (default 300)
  -m, --model <uri=zip>      load a WASM or export package as folder/service (repeatable)
      --no-builtins          do not register the demo models
      --latency <ms>         latency added to every response
      --batch-workers <n>    concurrent chunk workers per batch (default 4)
      --record-latency <ms>  simulated compute time per batch record
      --no-record            do not keep the last 1,000 requests in memory
      --open                 no caller authentication, like a hybrid runner
      --cors <origin>        also allow this browser origin (repeatable; "http://host:*" = any port;
                             http://localhost:* and http://127.0.0.1:* are always allowed)
      --allowed-host <name>  also accept this Host header (repeatable; ".example.com" = subdomains too;
                             localhost and the bound address are always accepted)
      --public <uri>         serve folder/service on the /public/ routes without credentials (repeatable)
      --public-url <url>     URL clients reach the emulator at behind a front (handed-out URLs, token iss)
      --folder-api-keys      accept API keys on folder/category management (Spark: bearer only)
  -q, --quiet                no log output on stderr
  -h, --help                 show this help
`;

function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${value}"`);
  return n;
}

/**
 * Runs the `spark-emulator` command: starts the emulator and stops it on SIGINT/SIGTERM.
 * @param argv - command-line arguments (without `node` and the script path)
 * @returns once the emulator is listening (the process then stays up until a signal)
 * @example
 * await main(['--port', '3000', '--model', 'my-folder/volume-cylinder=./volume-cylinder.zip']);
 */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      tenant: { type: 'string', short: 't' },
      'api-key': { type: 'string', multiple: true },
      token: { type: 'string', multiple: true },
      client: { type: 'string', multiple: true },
      'token-ttl': { type: 'string' },
      model: { type: 'string', short: 'm', multiple: true },
      'no-builtins': { type: 'boolean' },
      latency: { type: 'string' },
      'batch-workers': { type: 'string' },
      'record-latency': { type: 'string' },
      'no-record': { type: 'boolean' },
      open: { type: 'boolean' },
      cors: { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      public: { type: 'string', multiple: true },
      'public-url': { type: 'string' },
      'folder-api-keys': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const options: EmulatorOptions = {
    port: num(values.port, 'port') ?? 3000,
    host: values.host ?? '127.0.0.1',
    builtins: !values['no-builtins'],
    recordRequests: !values['no-record'],
    batch: {},
  };
  if (values.open) options.openAccess = true;
  if (values.tenant) options.tenant = values.tenant;
  const cors = list(values.cors);
  if (cors) options.cors = cors;
  const allowedHosts = list(values['allowed-host']);
  if (allowedHosts) options.allowedHosts = allowedHosts;
  const publicServices = list(values.public);
  if (publicServices) options.publicServices = publicServices;
  if (values['public-url']) options.publicUrl = values['public-url'];
  if (values['folder-api-keys']) options.apiKeysForFolders = true;
  const apiKeys = list(values['api-key']);
  if (apiKeys) options.apiKeys = apiKeys;
  const tokens = list(values.token);
  if (tokens) options.tokens = tokens;
  const clients = list(values.client);
  if (clients) {
    options.clients = clients.map((c) => {
      const i = c.indexOf(':');
      if (i <= 0) throw new Error(`--client must be "id:secret", got "${c}"`);
      return { clientId: c.slice(0, i), clientSecret: c.slice(i + 1) };
    });
  }
  const ttl = num(values['token-ttl'], 'token-ttl');
  if (ttl !== undefined) options.tokenTtlSeconds = ttl;
  const latency = num(values.latency, 'latency');
  if (latency !== undefined) options.latencyMs = latency;
  const workers = num(values['batch-workers'], 'batch-workers');
  if (workers !== undefined) options.batch = { ...options.batch, workers };
  const recordLatency = num(values['record-latency'], 'record-latency');
  if (recordLatency !== undefined) options.batch = { ...options.batch, recordLatencyMs: recordLatency };
  if (!values.quiet) options.logger = (line) => process.stderr.write(`${line}\n`);

  const packages: Record<string, Uint8Array> = {};
  for (const spec of list(values.model) ?? []) {
    const i = spec.indexOf('=');
    if (i <= 0) throw new Error(`--model must be "folder/service=path.zip", got "${spec}"`);
    packages[spec.slice(0, i)] = new Uint8Array(await readFile(spec.slice(i + 1)));
  }
  options.packages = packages;
  // Packages load before the server listens: the "listening" lines come after the models are in.
  const emulator: Emulator = await startEmulator(options);
  process.stdout.write(
    `Spark emulator listening on ${emulator.url}\n` +
      `  base URL:      ${emulator.baseUrl}\n` +
      (options.publicUrl ? `  public URL:    ${options.publicUrl}\n` : '') +
      (options.openAccess ? '  access:        open (no credentials needed)\n' : '') +
      `  API key:       ${(options.apiKeys ?? ['test-api-key']).join(', ')}\n` +
      `  bearer token:  ${(options.tokens ?? ['test-access-token']).join(', ')}\n` +
      `  OAuth client:  ${(options.clients ?? [{ clientId: 'test-client', clientSecret: 'test-client-secret' }]).map((c) => `${c.clientId} / ${c.clientSecret}`).join(', ')}\n` +
      `  token URL:     ${emulator.url}/auth/realms/${emulator.tenant}/protocol/openid-connect/token\n`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
