import { CommanderError } from 'commander';
import type { SettingsSources } from './client-from-flags.js';
import { describeError, EXIT_API, EXIT_USAGE, exitCodeFor } from './errors.js';
import { printable, type CliIo } from './output.js';
import { buildProgram } from './program.js';
import { handleSignals, interruptedExitCode } from './signals.js';

/** Streams and settings of one run (tests inject their own). */
export interface MainOptions extends SettingsSources {
  stdout?: CliIo['stdout'];
  stderr?: CliIo['stderr'];
  /** Aborts the command (default: the first SIGINT or SIGTERM; a second one exits at once). */
  signal?: AbortSignal;
}

/**
 * Runs the `spark` command line and resolves to its exit code: 0 ok, 1 API or network
 * failure, 2 bad input or usage, 3 authentication failure (401/403). Errors are one
 * `error: …` line on stderr; `--debug` adds the stack trace.
 *
 * @param argv - `process.argv` (node, script, then the arguments)
 * @param options - streams, environment, home directory and an abort signal
 * @returns the exit code
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const controller = new AbortController();
  const stopHandling = options.signal ? () => undefined : handleSignals(controller, stderr);
  // A closed pipe (\`spark … | head\`) ends the command quietly, as Unix tools do.
  if (stdout === process.stdout) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
    });
  }
  const signal = options.signal ?? controller.signal;
  const { program, app } = buildProgram({
    io: { stdout, stderr },
    signal,
    sources: { env: options.env, home: options.home, warn: (message) => stderr.write(`warning: ${printable(message)}\n`) },
    argv: argv.slice(2),
  });
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return app.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed help, the version or its own "error: …" line.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (signal.aborted) {
      stderr.write('error: interrupted\n');
      return interruptedExitCode(signal);
    }
    stderr.write(`error: ${printable(describeError(error))}\n`);
    if (debug && error instanceof Error && error.stack) stderr.write(`${printable(error.stack)}\n`);
    const code = exitCodeFor(error);
    return Number.isInteger(code) ? code : EXIT_API;
  } finally {
    stopHandling();
  }
}
