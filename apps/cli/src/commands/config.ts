import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { registerConfigGet } from './config-get.js';
import { registerConfigList } from './config-list.js';
import { registerConfigRemove } from './config-remove.js';
import { registerConfigSet } from './config-set.js';
import { registerConfigSwitch } from './config-switch.js';

/**
 * Registers `spark config list|get|set|switch|remove` (the profile file, mode 0600).
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * registerConfig(program, app); // spark config list
 */
export function registerConfig(program: Command, app: CliApp): void {
  const config = program.command('config').description('manage profiles in ~/.spark/profiles.json (or --profile-file)');
  registerConfigList(config, app);
  registerConfigGet(config, app);
  registerConfigSet(config, app);
  registerConfigSwitch(config, app);
  registerConfigRemove(config, app);
}
