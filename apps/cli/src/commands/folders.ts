import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { registerFoldersCreate } from './folders-create.js';
import { registerFoldersDelete } from './folders-delete.js';
import { registerFoldersList } from './folders-list.js';

/**
 * Registers `spark folders list|create|delete`.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * registerFolders(program, app); // spark folders list
 */
export function registerFolders(program: Command, app: CliApp): void {
  const folders = program.command('folders').description('list, create and delete folders');
  registerFoldersList(folders, app);
  registerFoldersCreate(folders, app);
  registerFoldersDelete(folders, app);
}
