import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { deleteEach } from '../delete-each.js';
import { UsageError } from '../errors.js';

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
        await deleteEach(ctx, names, flags.yes, {
          kind: 'folder',
          question: (name) => `Delete folder "${name}" and all its services?`,
          locate: async (spark, name) => {
            const { data } = await spark.folders.find({ name }, { signal: ctx.signal });
            const folder = data.find((f) => f.name === name);
            if (!folder) throw new UsageError(`folder "${name}" not found (see \`spark folders list\`)`);
            return folder.id;
          },
          remove: (spark, id) => spark.folders.delete(id, { signal: ctx.signal }),
        });
      }),
    );
}
