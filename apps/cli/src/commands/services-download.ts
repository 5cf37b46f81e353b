import { resolve } from 'node:path';
import type { Command } from 'commander';
import { withClient, type CliApp, type CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { note, printResult } from '../output.js';
import { refuseExisting, safeServerFileName, saveStream } from '../save-file.js';

interface DownloadFlags {
  output?: string;
  versionId?: string;
  type?: string;
  force?: boolean;
}

/**
 * Registers `spark services download <uri>`: saves the service's workbook to a file.
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services download my-folder/volume-cylinder --output volume.xlsx
 * registerServicesDownload(services, app);
 */
export function registerServicesDownload(services: Command, app: CliApp): void {
  services
    .command('download')
    .argument('<uri>', 'service: folder/service[version]')
    .description("download a service's Excel workbook")
    .option('-o, --output <path>', "file to write (default: Spark's file name if it is a plain name, else <service>.xlsx, in the current directory)")
    .option('--version-id <id>', 'a specific version (default: the latest)')
    .option('--type <type>', 'original (as uploaded) or configured (with Spark metadata)', 'original')
    .option('--force', 'replace the file if it exists (default: refuse)')
    .addHelpText('after', '\nExample:\n  spark services download my-folder/volume-cylinder --output volume-cylinder.xlsx')
    .action(
      app.action<DownloadFlags>(async (ctx, [uri], flags) => {
        if (flags.type !== 'original' && flags.type !== 'configured') {
          throw new UsageError(`--type must be "original" or "configured", got "${flags.type}"`);
        }
        const type = flags.type;
        const { parseServiceUri } = await import('@spark/sdk');
        const force = flags.force === true;
        if (flags.output !== undefined) await refuseExisting(resolve(flags.output), force);
        const saved = await withClient(ctx, async (spark) => {
          const file = await spark.services.download(uri!, {
            type,
            signal: ctx.signal,
            ...(flags.versionId !== undefined ? { versionId: flags.versionId } : {}),
          });
          const path = resolve(flags.output ?? defaultName(ctx, file.fileName, uri!, parseServiceUri));
          if (flags.output === undefined) await refuseExisting(path, force);
          const bytes = await saveStream(file.stream, path, force);
          return { path, bytes, contentType: file.contentType ?? null };
        });
        printResult(ctx.io, saved, `wrote ${saved.path} (${saved.bytes.toLocaleString('en-US')} bytes)`);
      }),
    );
}

function defaultName(ctx: CommandContext, fileName: string | undefined, uri: string, parseServiceUri: (uri: string) => { service?: string }): string {
  // A server-provided name never leaves the current directory nor makes a dot file.
  const safe = safeServerFileName(fileName);
  if (safe !== undefined) return safe;
  let service: string | undefined;
  try {
    service = parseServiceUri(uri).service;
  } catch {
    service = undefined;
  }
  // The caller's service name may hold a slash or start with a dot: the same rule applies to it.
  const name = safeServerFileName(`${service ?? 'service'}.xlsx`) ?? 'service.xlsx';
  if (fileName !== undefined) note(ctx.io, `warning: not using the file name the server sent (${JSON.stringify(fileName)}); writing ${name}`);
  return name;
}
