import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { UsageError } from '../errors.js';
import { note, printResult } from '../output.js';
import { confirmOrYes } from '../prompts.js';

/**
 * Registers `spark folders delete <name…>`: deletes folders and all their services, after a
 * confirmation on a terminal (`--yes` in scripts).
 *
 * @param folders - the `folders` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark folders delete old-models --yes
 * registerFoldersDelete(folders, app);
 */
export function registerFoldersDelete(folders: Command, app: CliApp): void {
  folders
    .command('delete')
    .alias('rm')
    .argument('<names...>', 'folder names')
    .description('delete folders and every service in them (irreversible)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(
      app.action<{ yes?: boolean }>(async (ctx, names, flags) => {
        const deleted: string[] = [];
        await withClient(ctx, async (spark) => {
          for (const name of names) {
            const { data } = await spark.folders.find({ name }, { signal: ctx.signal });
            const folder = data.find((f) => f.name === name);
            if (!folder) throw new UsageError(`folder "${name}" not found (see \`spark folders list\`)`);
            if (!(await confirmOrYes(ctx, `Delete folder "${name}" and all its services?`, flags.yes))) {
              note(ctx.io, `folder skipped: ${name}`);
              continue;
            }
            await spark.folders.delete(folder.id, { signal: ctx.signal });
            deleted.push(name);
            if (!ctx.io.json) note(ctx.io, `folder deleted: ${name}`);
          }
        });
        if (ctx.io.json) printResult(ctx.io, { deleted });
      }),
    );
}
