import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { positiveNumber } from '../flags.js';
import { printResult } from '../output.js';
import { table } from '../schema-table.js';

/**
 * Registers `spark folders list`: the tenant's folders, one page (`--page`, `--size`).
 *
 * @param folders - the `folders` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark folders list --name-only
 * registerFoldersList(folders, app);
 */
export function registerFoldersList(folders: Command, app: CliApp): void {
  folders
    .command('list')
    .alias('ls')
    .description('list folders (name, category, status, services, updated)')
    .option('--name-only', 'print folder names only')
    .option('--page <n>', 'page number (default 1)', positiveNumber)
    .option('--size <n>', 'folders per page (default 100)', positiveNumber)
    .action(
      app.action<{ nameOnly?: boolean; page?: number; size?: number }>(async (ctx, _args, flags) => {
        const page = await withClient(ctx, (spark) =>
          spark.folders.list({ signal: ctx.signal, ...(flags.page ? { page: flags.page } : {}), ...(flags.size ? { size: flags.size } : {}) }),
        );
        const rows = page.data.map((f) => [f.name, f.category ?? '', f.status ?? '', String((f as { activeServicesCount?: unknown }).activeServicesCount ?? ''), f.lastModifiedDate ?? '']);
        const human = flags.nameOnly ? page.data.map((f) => f.name).join('\n') : table(['NAME', 'CATEGORY', 'STATUS', 'SERVICES', 'UPDATED'], rows);
        printResult(ctx.io, flags.nameOnly ? page.data.map((f) => f.name) : page, page.data.length > 0 || flags.nameOnly ? human : '(no folders)');
      }),
    );
}
