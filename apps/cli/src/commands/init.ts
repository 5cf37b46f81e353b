import type { Command } from 'commander';
import { withStdinKey } from '../client-from-flags.js';
import type { CliApp, CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { profilePath } from '../profile-target.js';
import { updateProfileFile } from '../profile-writer.js';
import { askSelect, askText } from '../prompts.js';

interface InitFlags {
  name?: string;
  activate: boolean;
}

/**
 * Registers `spark init`: creates (or replaces) a profile and makes it active. Settings come
 * from the global flags (`--base-url` or `--env` + `--tenant`; `--api-key`, `--api-key-stdin`,
 * `--token`, `--client-id` + `--client-secret` or `--oauth-path`); what is missing is asked on
 * a terminal, or named as an error in scripts.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark init --name local --base-url http://127.0.0.1:3000/my-tenant --api-key-stdin < key.txt
 * registerInit(program, app);
 */
export function registerInit(program: Command, app: CliApp): void {
  program
    .command('init')
    .description('create a profile (interactive on a terminal; else from flags) and make it active')
    .option('--name <profile>', 'the profile name (default: ask, else "default")')
    .option('--no-activate', 'do not make it the active profile')
    .addHelpText(
      'after',
      '\nExamples:\n  spark init\n  spark init --name local --base-url http://127.0.0.1:3000/my-tenant --api-key-stdin < key.txt\n' +
        '  spark init --name uat --env uat.us --tenant my-tenant --oauth-path ./oauth.json',
    )
    .action(app.action<InitFlags>((ctx, _args, flags) => init(ctx, flags)));
}

async function init(ctx: CommandContext, flags: InitFlags): Promise<void> {
  const given = await withStdinKey(ctx.flags, ctx.sources);
  const name = flags.name ?? (ctx.flags.baseUrl || ctx.flags.env ? 'default' : await askText(ctx, 'Profile name', '--name', { initial: 'default' }));
  if (!/^[\w.-]+$/.test(name)) throw new UsageError(`--name must be letters, digits, ".", "_" or "-", got "${name}"`);
  const profile: Record<string, unknown> = {};
  if (given.baseUrl !== undefined) profile['baseUrl'] = given.baseUrl;
  else if (given.env !== undefined) profile['env'] = given.env;
  else {
    const how = await askSelect(ctx, 'Connect with', [{ value: 'url', label: 'Base URL (with tenant)' }, { value: 'env', label: 'Environment and tenant' }], '--base-url (or --env with --tenant)');
    if (how === 'url') profile['baseUrl'] = await askText(ctx, 'Base URL, e.g. https://excel.uat.us.coherent.global/my-tenant', '--base-url');
    else profile['env'] = await askText(ctx, 'Environment, e.g. uat.us', '--env');
  }
  if (given.tenant !== undefined) profile['tenant'] = given.tenant;
  else if (profile['env'] !== undefined) profile['tenant'] = await askText(ctx, 'Tenant', '--tenant');
  Object.assign(profile, await credentials(ctx, given));
  const path = profilePath(ctx);
  await updateProfileFile(path, (file) => {
    file.profiles[name] = profile;
    if (flags.activate) file.default = name;
  });
  note(ctx.io, `profile "${name}" saved in ${path} (mode 0600)${flags.activate ? ' and active' : ''}`);
}

async function credentials(ctx: CommandContext, given: CommandContext['flags']): Promise<Record<string, string>> {
  if (given.apiKey !== undefined) return { apiKey: given.apiKey };
  if (given.token !== undefined) return { token: given.token };
  if (given.oauthPath !== undefined) return { oauthPath: given.oauthPath };
  if (given.clientId !== undefined || given.clientSecret !== undefined) {
    if (given.clientId === undefined || given.clientSecret === undefined) throw new UsageError('--client-id and --client-secret go together');
    return { clientId: given.clientId, clientSecret: given.clientSecret };
  }
  const scheme = await askSelect(
    ctx,
    'Authenticate with',
    [{ value: 'apiKey', label: 'API key' }, { value: 'token', label: 'Bearer token' }, { value: 'oauth', label: 'OAuth2 client credentials' }, { value: 'oauthPath', label: 'OAuth2 credentials file' }],
    '--api-key (or --api-key-stdin, --token, --client-id with --client-secret, --oauth-path)',
  );
  if (scheme === 'apiKey') return { apiKey: await askText(ctx, 'API key', '--api-key', { secret: true }) };
  if (scheme === 'token') return { token: await askText(ctx, 'Bearer token', '--token', { secret: true }) };
  if (scheme === 'oauthPath') return { oauthPath: await askText(ctx, 'Path of the OAuth2 JSON file', '--oauth-path') };
  return { clientId: await askText(ctx, 'Client id', '--client-id'), clientSecret: await askText(ctx, 'Client secret', '--client-secret', { secret: true }) };
}
