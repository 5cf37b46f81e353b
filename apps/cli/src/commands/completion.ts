import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { completionScript } from '../completion-script.js';
import { UsageError } from '../errors.js';

/**
 * Registers `spark completion bash|zsh|fish`: prints a completion script for the shell.
 *
 * @param program - the root command (its commands and options are completed)
 * @param app - the run state
 * @returns nothing
 * @example
 * // source <(spark completion bash)
 * registerCompletion(program, app);
 */
export function registerCompletion(program: Command, app: CliApp): void {
  program
    .command('completion')
    .argument('<shell>', 'bash, zsh or fish')
    .description('print a shell completion script')
    .addHelpText(
      'after',
      '\nInstall:\n  bash: echo \'source <(spark completion bash)\' >> ~/.bashrc\n  zsh:  echo \'source <(spark completion zsh)\' >> ~/.zshrc\n' +
        '  fish: spark completion fish > ~/.config/fish/completions/spark.fish',
    )
    .action(
      app.action(async (ctx, [shell]) => {
        if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') throw new UsageError(`completion: shell must be bash, zsh or fish, got "${shell}"`);
        ctx.io.stdout.write(completionScript(program, shell));
      }),
    );
}
