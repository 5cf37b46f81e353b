import type { Writable } from 'node:stream';

/** Exit codes after a signal, as shells expect (128 + the signal's number). */
const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The reason a command was stopped by a signal.
 *
 * @example
 * controller.abort(new InterruptedError('SIGINT')); // exitCode 130
 */
class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  /** 130 for SIGINT, 143 for SIGTERM. */
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted (${signal})`);
    this.exitCode = EXIT_CODES[signal] ?? 130;
  }
}

/**
 * The exit code for an aborted command: 130 after SIGINT, 143 after SIGTERM.
 *
 * @param signal - the command's abort signal
 * @returns the code
 * @example
 * return interruptedExitCode(ctx.signal);
 */
export function interruptedExitCode(signal: AbortSignal): number {
  return signal.reason instanceof InterruptedError ? signal.reason.exitCode : 130;
}

/**
 * Handles SIGINT and SIGTERM: the first aborts `controller` (the command stops cleanly, e.g. a
 * batch run cancels its pipeline and writes what it has); a second one exits at once.
 *
 * @param controller - aborted by the first signal
 * @param stderr - where the notice goes
 * @param exit - how to exit at once (default `process.exit`)
 * @returns a function that removes the handlers
 * @example
 * const stop = handleSignals(controller, process.stderr);
 * try { await run(); } finally { stop(); }
 */
export function handleSignals(controller: AbortController, stderr: Writable, exit: (code: number) => void = process.exit): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    const error = new InterruptedError(signal);
    if (controller.signal.aborted) {
      stderr.write(`\n${signal} again: exiting now\n`);
      exit(error.exitCode);
      return;
    }
    stderr.write(`\n${signal}: stopping… (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again exits at once)\n`);
    controller.abort(error);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
}
