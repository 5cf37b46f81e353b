import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import type { CliApp, GlobalFlags, Handler } from './context.js';
import { positiveNumber, positiveWholeNumber, wholeNumber } from './flags.js';
import type { SettingsSources } from './client-from-flags.js';
import type { CliIo } from './output.js';
import { registerHealth } from './commands/health.js';
import { registerServices } from './commands/services.js';
import { registerBatch } from './commands/batch-run.js';
import { registerLogs } from './commands/logs-get.js';
import { registerEmulator } from './commands/emulator-start.js';
import { registerInit } from './commands/init.js';
import { registerConfig } from './commands/config.js';
import { registerAuth } from './commands/auth.js';
import { registerFolders } from './commands/folders.js';
import { registerVersions } from './commands/services-versions.js';
import { registerCompletion } from './commands/completion.js';
import { registerTypes } from './commands/types.js';

/** Options of {@link buildProgram}. */
export interface ProgramOptions {
  io: Omit<CliIo, 'json' | 'debug'>;
  signal: AbortSignal;
  sources: SettingsSources;
  /** The command line (for messages that repeat it, e.g. how to resume a batch run). */
  argv?: string[];
}

/**
 * Builds the `spark` program: global flags, every command, output wired to `io`, and
 * `exitOverride` so usage errors reach the caller instead of exiting the process.
 *
 * @param options - streams, the SIGINT signal and settings sources
 * @returns the program and the run state
 * @example
 * const { program, app } = buildProgram({ io: process, signal, sources: {} });
 * await program.parseAsync(process.argv);
 */
export function buildProgram(options: ProgramOptions): { program: Command; app: CliApp } {
  const program = new Command('spark');
  const app: CliApp = {
    exitCode: 0,
    action<O>(handler: Handler<O>) {
      return async (...params: unknown[]) => {
        const command = params.at(-1) as Command;
        const own = params.at(-2) as O;
        // A variadic argument (`<names...>`) arrives as one array: flatten it into the list.
        const args = (params.slice(0, -2) as (string | string[] | undefined)[]).flat().filter((a): a is string => a !== undefined);
        const flags = command.optsWithGlobals<GlobalFlags>();
        const io: CliIo = { ...options.io, json: flags.json === true, debug: flags.debug === true };
        const code = await handler({ io, flags, signal: options.signal, sources: options.sources, argv: options.argv ?? [] }, args, own);
        if (typeof code === 'number') app.exitCode = code;
      };
    },
  };
  program
    .description('Command line for Coherent Spark: profiles, folders, services, batches, logs, and a local emulator.')
    .version(versionText(), '-V, --version', 'print the CLI and SDK versions')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => options.io.stdout.write(text),
      writeErr: (text) => options.io.stderr.write(text),
    })
    .showSuggestionAfterError(true)
    // Subcommands copy these settings: every `--help` lists the global flags too.
    .configureHelp({ showGlobalOptions: true });

  program
    .option('--base-url <url>', 'Spark base URL with tenant, e.g. https://excel.uat.us.coherent.global/my-tenant (env CSPARK_BASE_URL)')
    .option('--env <env>', 'Spark environment, e.g. uat.us (with --tenant; env CSPARK_ENV)')
    .option('--tenant <name>', 'tenant name (env CSPARK_TENANT)')
    .option('--api-key <key>', 'API key, or "open" for public services (env CSPARK_API_KEY; see "Secrets" below)')
    .option('--api-key-stdin', 'read the API key from the first line of stdin')
    .option('--token <token>', 'bearer token (env CSPARK_BEARER_TOKEN)')
    .option('--client-id <id>', 'OAuth2 client id (with --client-secret; env CSPARK_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth2 client secret (env CSPARK_CLIENT_SECRET)')
    .option('--oauth-path <file>', 'OAuth2 credentials JSON file (env CSPARK_OAUTH_PATH)')
    .addOption(new Option('--token-url <url>', 'override the OAuth2 token URL').hideHelp())
    .option('--profile <name>', 'use this profile from the profile file')
    .option('--profile-file <file>', 'profile file (default ~/.spark/profiles.json)')
    .option('--timeout <ms>', 'per-request timeout in milliseconds (default 60000)', positiveNumber)
    .option('--max-retries <n>', 'retries after the first attempt (default 2; 0 = none)', wholeNumber)
    .option('--max-response-bytes <n>', 'most bytes of a response body read into memory (default 134217728, 128 MiB)', positiveWholeNumber)
    .option('-H, --header <name: value>', 'extra header on every request (repeatable)', collect)
    .option('--json', 'print one JSON document on stdout (for scripts)')
    .option('--debug', 'print an HTTP trace (method, URL, status, time, request id; never secrets) and stack traces')
    .addHelpText('after', SECRETS_HELP);

  registerHealth(program, app);
  registerServices(program, app);
  registerBatch(program, app);
  registerLogs(program, app);
  registerEmulator(program, app);
  registerInit(program, app);
  registerConfig(program, app);
  registerAuth(program, app);
  registerFolders(program, app);
  registerVersions(program, app);
  registerCompletion(program, app);
  registerTypes(program, app);
  return { program, app };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const SECRETS_HELP = `
Secrets: other users of this machine can read a command line (ps, /proc/<pid>/cmdline).
Keep keys off it: set CSPARK_API_KEY, CSPARK_BEARER_TOKEN or CSPARK_CLIENT_ID and
CSPARK_CLIENT_SECRET; pipe the key in with --api-key-stdin; or store it in a profile
(\`spark config set\`, written with mode 0600).`;

function versionText(): string {
  const read = (load: () => unknown) => {
    try {
      return (load() as { version?: string }).version ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
  // Read from package.json files so that --version does not load the SDK.
  const cli = read(() => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')));
  const sdk = read(() => createRequire(import.meta.url)('@spark/sdk/package.json'));
  return `spark ${cli} (@spark/sdk ${sdk})`;
}
