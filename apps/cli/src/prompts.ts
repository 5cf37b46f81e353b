import type { CommandContext } from './context.js';
import { UsageError } from './errors.js';

/** Whether the CLI may ask questions: stdin and stderr are terminals. */
function canAsk(ctx: CommandContext): boolean {
  return process.stdin.isTTY === true && ctx.io.stderr.isTTY === true;
}

/** Stops a prompt flow the user cancelled (Ctrl-C or Esc). */
async function answer<T>(value: T | symbol): Promise<Exclude<T, symbol>> {
  const { isCancel } = await import('@clack/prompts');
  if (isCancel(value)) throw new UsageError('cancelled');
  return value as Exclude<T, symbol>;
}

/**
 * Asks for text on a terminal; without one, fails naming the flag that gives the value.
 *
 * @param ctx - the command context
 * @param message - the question
 * @param flag - the flag to use instead, for non-interactive runs
 * @param options - `secret` masks the input; `initial` is the default taken on an empty answer
 * @returns the answer
 * @example
 * const name = await askText(ctx, 'Profile name?', '--name');
 */
export async function askText(ctx: CommandContext, message: string, flag: string, options: { secret?: boolean; initial?: string } = {}): Promise<string> {
  if (!canAsk(ctx)) throw new UsageError(`${flag} is required (no terminal to ask on)`);
  const prompts = await import('@clack/prompts');
  const validate = (value: string | undefined) => ((value ?? '').trim() === '' && options.initial === undefined ? 'required' : undefined);
  const value = options.secret
    ? await prompts.password({ message, validate, output: ctx.io.stderr })
    : await prompts.text({
      message, validate, output: ctx.io.stderr,
      // Enter on an empty line takes the default; typing replaces it.
      ...(options.initial !== undefined ? { placeholder: options.initial, defaultValue: options.initial } : {}),
    });
  return ((await answer<string | symbol>(value)) || (options.initial ?? '')).trim();
}

/**
 * Asks to pick one choice on a terminal; without one, fails naming the flag.
 *
 * @param ctx - the command context
 * @param message - the question
 * @param choices - values and labels
 * @param flag - what to pass instead, for non-interactive runs
 * @returns the value picked
 * @example
 * const scheme = await askSelect(ctx, 'Authenticate with?', [{ value: 'apiKey', label: 'API key' }], '--api-key');
 */
export async function askSelect<T extends string>(ctx: CommandContext, message: string, choices: { value: T; label: string }[], flag: string): Promise<T> {
  if (!canAsk(ctx)) throw new UsageError(`${flag} is required (no terminal to ask on)`);
  const { select } = await import('@clack/prompts');
  return answer<T | symbol>(await select<T>({ message, options: choices as never, output: ctx.io.stderr })) as Promise<T>;
}

/**
 * Asks yes/no on a terminal; without one, `--yes` must have been given.
 *
 * @param ctx - the command context
 * @param message - the question
 * @param yes - `--yes` was given
 * @returns true to go ahead
 * @example
 * if (!(await confirmOrYes(ctx, 'Delete folder f?', flags.yes))) return;
 */
export async function confirmOrYes(ctx: CommandContext, message: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!canAsk(ctx)) throw new UsageError('this deletes for good: pass --yes to confirm (no terminal to ask on)');
  const { confirm } = await import('@clack/prompts');
  return answer<boolean | symbol>(await confirm({ message, initialValue: false, output: ctx.io.stderr })) as Promise<boolean>;
}
