import type { Command } from 'commander';
import { withClient, type CliApp, type CommandContext } from '../context.js';
import { EXIT_API, EXIT_OK, UsageError } from '../errors.js';
import { printResult } from '../output.js';
import { loadTarget, profilePath } from '../profile-target.js';
import { readRaw } from '../profile-writer.js';
import { dropToken, friendlyDuration, readToken, saveToken, tokenPath } from '../token-cache.js';

/** The OAuth2 strategy's explicit token access (see `clientCredentials` in @spark/core). */
interface TokenSource {
  type: string;
  getToken?: (context: unknown, options?: { force?: boolean }) => Promise<{ accessToken: string; expiresAt: number; tokenType: string; scope?: string }>;
}

/**
 * Registers `spark auth login|status|logout`: fetch (OAuth2 client credentials) and save a
 * token per profile (mode 0600), show when it expires, forget it.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark --profile uat auth login
 * registerAuth(program, app);
 */
export function registerAuth(program: Command, app: CliApp): void {
  const auth = program.command('auth').description('OAuth2 tokens of a profile (client credentials)');
  auth
    .command('login')
    .description('fetch a token with the profile’s OAuth2 client credentials and save it (mode 0600)')
    .action(app.action((ctx) => login(ctx)));
  auth
    .command('status')
    .description('show whether the profile has a token and when it expires (--all: every profile)')
    .option('-a, --all', 'every profile')
    .action(app.action<{ all?: boolean }>((ctx, _args, flags) => status(ctx, flags.all === true)));
  auth
    .command('logout')
    .description('delete the profile’s saved token')
    .action(
      app.action(async (ctx) => {
        const { path, name } = await loadTarget(ctx);
        const existed = await dropToken(tokenPath(path, name));
        printResult(ctx.io, { profile: name, loggedOut: existed }, existed ? `logged out: profile "${name}"` : `profile "${name}" had no saved token`);
      }),
    );
}

async function login(ctx: CommandContext): Promise<void> {
  const { path, name } = await loadTarget(ctx);
  const profileCtx = { ...ctx, flags: { ...ctx.flags, profile: name } };
  const token = await withClient(profileCtx, async (client) => {
    const core = client.spark;
    const strategy = core.config.auth as unknown as TokenSource;
    if (strategy.type !== 'oauth' || typeof strategy.getToken !== 'function') {
      throw new UsageError(`profile "${name}" does not use OAuth2: set clientId and clientSecret (or oauthPath) with \`spark config set\`, then log in`);
    }
    const context = { baseUrl: core.config.baseUrl, signal: ctx.signal, send: (request: Parameters<typeof core.request>[0]) => core.request({ ...request, auth: false }) };
    return strategy.getToken(context, { force: true });
  });
  const saved = { profile: name, accessToken: token.accessToken, tokenType: token.tokenType, scope: token.scope, expiresAt: token.expiresAt, obtainedAt: Date.now() };
  await saveToken(tokenPath(path, name), saved);
  const expires = new Date(token.expiresAt).toISOString();
  printResult(ctx.io, { profile: name, expiresAt: expires, scope: token.scope ?? null }, `logged in: profile "${name}", token expires in ${friendlyDuration(token.expiresAt - Date.now())} (${expires})`);
}

async function status(ctx: CommandContext, all: boolean): Promise<number> {
  const path = profilePath(ctx);
  const names = all ? Object.keys((await readRaw(path)).profiles) : [(await loadTarget(ctx)).name];
  const now = Date.now();
  const rows = await Promise.all(
    names.map(async (name) => {
      const token = await readToken(tokenPath(path, name));
      if (!token) return { profile: name, status: 'logged out', expiresAt: null, line: `${name}: not logged in (spark --profile ${name} auth login)` };
      const left = token.expiresAt - now;
      const masked = `${token.accessToken.slice(0, 4)}…${token.accessToken.slice(-4)}`;
      const state = left > 0 ? `logged in, token ${masked} expires in ${friendlyDuration(left)}` : `token ${masked} expired ${friendlyDuration(left)} ago`;
      return { profile: name, status: left > 0 ? 'logged in' : 'expired', expiresAt: new Date(token.expiresAt).toISOString(), line: `${name}: ${state}` };
    }),
  );
  printResult(ctx.io, rows.map(({ line: _, ...rest }) => rest), rows.map((r) => r.line).join('\n'));
  return rows.every((r) => r.status === 'logged in') ? EXIT_OK : EXIT_API;
}
