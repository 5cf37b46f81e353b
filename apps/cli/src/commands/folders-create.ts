import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { printResult } from '../output.js';

/**
 * Registers `spark folders create <name>`.
 *
 * @param folders - the `folders` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark folders create pricing --description "Pricing models"
 * registerFoldersCreate(folders, app);
 */
export function registerFoldersCreate(folders: Command, app: CliApp): void {
  folders
    .command('create')
    .argument('<name>', 'the new folder’s name')
    .description('create a folder')
    .option('--description <text>', 'what the folder holds')
    .option('--category <name>', 'its category')
    .action(
      app.action<{ description?: string; category?: string }>(async (ctx, [name], flags) => {
        const folder = await withClient(ctx, (spark) =>
          spark.folders.create({
            name: name!,
            signal: ctx.signal,
            ...(flags.description !== undefined ? { description: flags.description } : {}),
            ...(flags.category !== undefined ? { category: flags.category } : {}),
          }),
        );
        printResult(ctx.io, folder, `folder created: ${folder.name} (${folder.id})`);
      }),
    );
}
