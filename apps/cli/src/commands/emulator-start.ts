import type { Command } from 'commander';
import { note, printResult } from '../output.js';
import type { CliApp } from '../context.js';
import { wholeNumber } from '../flags.js';

interface EmulatorFlags {
  port: number;
  host?: string;
  open?: boolean;
  cors?: string[];
  allowedHost?: string[];
}

/** The API key the emulator accepts by default (a well-known test value, not a secret). */
const DEFAULT_API_KEY = 'test-api-key';

/**
 * Registers `spark emulator start`: runs the local Spark emulator in this process until
 * SIGINT, printing its base URL (with `--json`, one line `{"url","baseUrl","tenant"}`).
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark emulator start --port 3000 --tenant my-tenant
 * // spark emulator start --open    (no credentials needed, like a hybrid runner)
 * registerEmulator(program, app);
 */
export function registerEmulator(program: Command, app: CliApp): void {
  const emulator = program.command('emulator').description('a local Spark API emulator');
  emulator
    .command('start')
    .description('start the emulator (built-in model my-folder/volume-cylinder) and run until Ctrl+C; --tenant names its tenant')
    .option('-p, --port <n>', 'port (0 = any free port)', wholeNumber, 3000)
    .option('--host <host>', 'interface to bind (default 127.0.0.1)')
    .option('--open', 'serve every route without credentials, like a hybrid runner')
    .option('--cors <origin>', 'also allow this browser origin (repeatable; http://localhost:* and http://127.0.0.1:* always are)', collect)
    .option('--allowed-host <name>', 'also accept this Host header (repeatable; ".example.com" = subdomains too)', collect)
    .addHelpText('after', '\nExample:\n  spark emulator start --port 3000 --tenant my-tenant')
    .action(
      app.action<EmulatorFlags>(async (ctx, _args, flags) => {
        if (ctx.signal.aborted) return;
        const { startEmulator } = await import('@spark/emulator');
        const emu = await startEmulator({
          port: flags.port,
          ...(flags.host !== undefined ? { host: flags.host } : {}),
          ...(ctx.flags.tenant !== undefined ? { tenant: ctx.flags.tenant } : {}),
          ...(flags.open === true ? { openAccess: true } : {}),
          ...(flags.cors ? { cors: flags.cors } : {}),
          ...(flags.allowedHost ? { allowedHosts: flags.allowedHost } : {}),
        });
        printResult(
          ctx.io,
          { url: emu.url, baseUrl: emu.baseUrl, tenant: emu.tenant },
          `Spark emulator listening at ${emu.baseUrl}\n` +
            `  try: spark services execute my-folder/volume-cylinder --base-url ${emu.baseUrl} --api-key ${DEFAULT_API_KEY} --inputs '{"radius":2,"height":3}'`,
        );
        if (!ctx.io.json) note(ctx.io, 'press Ctrl+C to stop');
        await new Promise<void>((resolve) => {
          if (ctx.signal.aborted) resolve();
          else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await emu.close();
        if (!ctx.io.json) note(ctx.io, 'emulator stopped');
      }),
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
