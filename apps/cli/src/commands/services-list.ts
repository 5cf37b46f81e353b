import type { Command } from 'commander';
import type { ServiceSummary } from '@spark/sdk';
import { withClient, type CliApp, type CommandContext } from '../context.js';
import { positiveNumber } from '../flags.js';
import { printResult } from '../output.js';
import { table } from '../schema-table.js';

/**
 * Registers `spark services list <folder>` and `spark services search <text>`: services by
 * folder, or whose name contains a text.
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services list my-folder --name-only
 * registerServicesList(services, app);
 */
export function registerServicesList(services: Command, app: CliApp): void {
  services
    .command('list')
    .alias('ls')
    .argument('<folder>', 'the folder')
    .description('list the services of a folder')
    .option('--name-only', 'print service names only')
    .action(app.action<{ nameOnly?: boolean }>((ctx, [folder], flags) => search(ctx, { field: 'foldername', value: folder! }, flags, (s) => s.folderName === folder)));
  services
    .command('search')
    .argument('<text>', 'part of a service name')
    .description('find services whose name contains a text, in every folder')
    .option('--name-only', 'print folder/service names only')
    .option('--limit <n>', 'most results (default: all)', positiveNumber)
    .action(app.action<{ nameOnly?: boolean; limit?: number }>((ctx, [text], flags) => search(ctx, { field: 'name1_co', value: text! }, flags)));
}

async function search(
  ctx: CommandContext,
  filter: { field: string; value: string },
  flags: { nameOnly?: boolean; limit?: number },
  keep: (s: ServiceSummary) => boolean = () => true,
): Promise<void> {
  const result = await withClient(ctx, (spark) =>
    spark.services.search({ query: [filter], signal: ctx.signal, ...(flags.limit !== undefined ? { limit: Math.floor(flags.limit) } : {}) }),
  );
  const found = (result.response_data ?? []).filter(keep);
  const name = (s: ServiceSummary) => `${s.folderName ?? ''}/${String(s['serviceName'] ?? s['name'] ?? s.fileName ?? s.id)}`;
  const rows = found.map((s) => [name(s), s.version ?? '', s.modifiedDate ?? '', s.id]);
  const human = flags.nameOnly ? found.map(name).join('\n') : found.length > 0 ? table(['SERVICE', 'VERSION', 'UPDATED', 'ID'], rows) : '(no services)';
  printResult(ctx.io, flags.nameOnly ? found.map(name) : found, human);
}
