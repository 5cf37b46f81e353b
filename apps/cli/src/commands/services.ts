import type { Command } from 'commander';
import { registerServicesExecute } from './services-execute.js';
import { registerServicesSchema } from './services-schema.js';
import { registerServicesVersions } from './services-versions.js';
import { registerServicesMetadata } from './services-metadata.js';
import { registerServicesDownload } from './services-download.js';
import { registerServicesList } from './services-list.js';
import { registerServicesDelete } from './services-delete.js';
import type { CliApp } from '../context.js';

/**
 * Registers `spark services …`: execute, schema, versions, metadata, download, list, search, delete.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * registerServices(program, app); // spark services execute my-folder/volume-cylinder --inputs '{"radius":2}'
 */
export function registerServices(program: Command, app: CliApp): void {
  const services = program.command('services').description('execute and inspect Spark services');
  registerServicesExecute(services, app);
  registerServicesSchema(services, app);
  registerServicesVersions(services, app);
  registerServicesMetadata(services, app);
  registerServicesDownload(services, app);
  registerServicesList(services, app);
  registerServicesDelete(services, app);
}
