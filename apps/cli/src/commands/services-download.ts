import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { UsageError } from '../errors.js';
import { printResult } from '../output.js';

interface DownloadFlags {
  output?: string;
  versionId?: string;
  type?: string;
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
    .option('-o, --output <path>', "file to write (default: Spark's file name, else <service>.xlsx, in the current directory)")
    .option('--version-id <id>', 'a specific version (default: the latest)')
    .option('--type <type>', 'original (as uploaded) or configured (with Spark metadata)', 'original')
    .addHelpText('after', '\nExample:\n  spark services download my-folder/volume-cylinder --output volume-cylinder.xlsx')
    .action(
      app.action<DownloadFlags>(async (ctx, [uri], flags) => {
        if (flags.type !== 'original' && flags.type !== 'configured') {
          throw new UsageError(`--type must be "original" or "configured", got "${flags.type}"`);
        }
        const type = flags.type;
        const { parseServiceUri } = await import('@spark/sdk');
        const saved = await withClient(ctx, async (spark) => {
          const file = await spark.services.download(uri!, {
            type,
            signal: ctx.signal,
            ...(flags.versionId !== undefined ? { versionId: flags.versionId } : {}),
          });
          const path = resolve(flags.output ?? defaultName(file.fileName, uri!, parseServiceUri));
          const bytes = await file.toFile(path);
          return { path, bytes, contentType: file.contentType ?? null };
        });
        printResult(ctx.io, saved, `wrote ${saved.path} (${saved.bytes.toLocaleString('en-US')} bytes)`);
      }),
    );
}

function defaultName(fileName: string | undefined, uri: string, parseServiceUri: (uri: string) => { service?: string }): string {
  // Never let a server-provided name escape the current directory.
  if (fileName && !/[\\/]/.test(fileName) && basename(fileName) === fileName && fileName !== '..' && fileName !== '.') return fileName;
  let service: string | undefined;
  try {
    service = parseServiceUri(uri).service;
  } catch {
    service = undefined;
  }
  return `${service ?? 'service'}.xlsx`;
}
