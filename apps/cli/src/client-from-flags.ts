import type { ClientOptions } from '@spark/sdk';
import { UsageError } from './errors.js';
import { defaultProfileFile, loadProfileFile, type SparkProfile } from './profiles.js';

/** The connection flags every command accepts (see `spark --help`). */
export interface ConnectionFlags extends SparkProfile {
  profile?: string;
  profileFile?: string;
  /** Read the API key from stdin (keeps it off the command line). */
  apiKeyStdin?: boolean;
  /** `-H 'name: value'`, repeatable: extra headers on every request. */
  header?: string[];
  /** `--max-response-bytes <n>`: the client's `maxResponseBytes`. */
  maxResponseBytes?: number;
}

/** Where settings come from besides flags (injected by tests). */
export interface SettingsSources {
  /** Environment variables (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Home directory, for `~/.spark/profiles.json`. */
  home?: string;
  /** Where `--api-key-stdin` reads from (default `process.stdin`). */
  stdin?: AsyncIterable<Buffer | string>;
  /** Where warnings go (default: nowhere). */
  warn?: (message: string) => void;
}

const LOCATION_VARS = ['CSPARK_BASE_URL', 'CSPARK_ENV'];
const AUTH_VARS = ['CSPARK_API_KEY', 'CSPARK_BEARER_TOKEN', 'CSPARK_CLIENT_ID', 'CSPARK_OAUTH_PATH'];

/**
 * Builds client options from flags, a profile and environment variables. Precedence per
 * group (location: base URL or env + tenant, and a profile's token URL; credentials;
 * timeouts): flags, then the profile
 * named by `--profile`, then `CSPARK_*` variables (read by the SDK itself), then the profile
 * file's `default` profile. A group is taken whole from one source, so a flag's API key is
 * never mixed with a profile's OAuth secret, and a client secret is never sent to the token
 * URL of a profile that did not give the base URL.
 *
 * @param flags - the parsed global flags
 * @param sources - environment and home directory (defaults: the process's)
 * @returns options for `new Client()`
 * @example
 * const options = await clientOptionsFromFlags({ baseUrl: 'http://127.0.0.1:3000/my-tenant', apiKey: 'test-api-key' });
 */
export async function clientOptionsFromFlags(flags: ConnectionFlags, sources: SettingsSources = {}): Promise<ClientOptions> {
  const env = sources.env ?? process.env;
  const named = await selectedProfile(flags, sources);
  const fromEnvVars = (names: string[]) => names.some((name) => (env[name] ?? '').trim() !== '');
  const fallback = named?.explicit ? undefined : named?.profile;
  const explicit = named?.explicit ? named.profile : undefined;

  const flagLocation = flags.baseUrl !== undefined || flags.env !== undefined ? flags : undefined;
  const location =
    flagLocation ?? pickLocation(explicit) ?? (fromEnvVars(LOCATION_VARS) ? undefined : pickLocation(fallback));
  const tenant = flags.tenant ?? (location ? location.tenant : explicit?.tenant);

  const flagAuth = auth(await withStdinKey(flags, sources), '--');
  const credentials = flagAuth ?? auth(explicit, 'profile ') ?? (fromEnvVars(AUTH_VARS) ? undefined : auth(fallback, 'profile '));
  const tuning = { timeout: flags.timeout ?? named?.profile.timeout, maxRetries: flags.maxRetries ?? named?.profile.maxRetries };

  const options: ClientOptions = {};
  if (location?.baseUrl !== undefined) options.baseUrl = location.baseUrl;
  if (location?.env !== undefined) options.env = location.env;
  if (tenant !== undefined) options.tenant = tenant;
  Object.assign(options, credentials ?? {});
  // The token URL goes with the location it belongs to (the SDK derives it from the base URL).
  const tokenUrl = flags.tokenUrl ?? location?.tokenUrl;
  if (tokenUrl !== undefined) options.tokenUrl = tokenUrl;
  if (tuning.timeout !== undefined) options.timeout = tuning.timeout;
  if (tuning.maxRetries !== undefined) options.maxRetries = tuning.maxRetries;
  if (flags.maxResponseBytes !== undefined) options.maxResponseBytes = flags.maxResponseBytes;
  if (flags.header !== undefined && flags.header.length > 0) options.headers = parseHeaders(flags.header);
  return options;
}

/**
 * Parses `-H 'name: value'` flags into a header record.
 *
 * @param values - the flag values
 * @returns the headers
 * @example
 * parseHeaders(['x-trace: 1']); // { 'x-trace': '1' }
 */
function parseHeaders(values: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = colon > 0 ? value.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`-H must be 'name: value' (e.g. -H 'x-trace-id: 42'), got "${value.slice(0, 40)}"`);
    headers[name.toLowerCase()] = value.slice(colon + 1).trim();
  }
  return headers;
}

async function selectedProfile(
  flags: ConnectionFlags,
  sources: SettingsSources,
): Promise<{ profile: SparkProfile; explicit: boolean } | undefined> {
  const path = flags.profileFile ?? defaultProfileFile(sources.home);
  const file = await loadProfileFile(path, {
    required: flags.profileFile !== undefined || flags.profile !== undefined,
    ...(sources.warn ? { warn: sources.warn } : {}),
  });
  if (!file) return undefined;
  const name = flags.profile ?? file.default;
  if (name === undefined) return undefined;
  const profile = file.profiles[name];
  const invalid = file.invalid[name];
  if (invalid !== undefined) throw new UsageError(`${invalid}: fix it with \`spark config set\` or by editing the file`);
  if (!profile) {
    const known = Object.keys(file.profiles);
    throw new UsageError(`profile "${name}" is not in ${path} (profiles: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
  return { profile, explicit: flags.profile !== undefined };
}

/**
 * Resolves `--api-key-stdin`: the flags with `apiKey` read from the first line of stdin.
 *
 * @param flags - the parsed flags
 * @param sources - where stdin is
 * @returns the flags, with the key when asked for
 * @example
 * const flags2 = await withStdinKey(flags, {});
 */
export async function withStdinKey(flags: ConnectionFlags, sources: SettingsSources): Promise<ConnectionFlags> {
  if (!flags.apiKeyStdin) return flags;
  if (flags.apiKey !== undefined) throw new UsageError('use --api-key or --api-key-stdin, not both');
  let text = '';
  for await (const chunk of sources.stdin ?? process.stdin) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  const apiKey = text.split(/\r?\n/)[0]!.trim();
  if (apiKey === '') throw new UsageError('--api-key-stdin: stdin is empty; pipe the key in, e.g. `spark … --api-key-stdin < key.txt`');
  return { ...flags, apiKey };
}

function pickLocation(profile: SparkProfile | undefined): Pick<SparkProfile, 'baseUrl' | 'env' | 'tenant' | 'tokenUrl'> | undefined {
  if (!profile || (profile.baseUrl === undefined && profile.env === undefined)) return undefined;
  return { baseUrl: profile.baseUrl, env: profile.env, tenant: profile.tenant, tokenUrl: profile.tokenUrl };
}

function auth(source: SparkProfile | undefined, prefix: string): Partial<ClientOptions> | undefined {
  if (!source) return undefined;
  const name = (field: string) => (prefix === '--' ? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : `${prefix}"${field}"`);
  const { apiKey, token, clientId, clientSecret, oauthPath } = source;
  const given = [apiKey, token, clientId ?? clientSecret, oauthPath].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given > 1) {
    throw new UsageError(`use only one of ${['apiKey', 'token', 'clientId', 'oauthPath'].map(name).join(', ')}`);
  }
  if (apiKey !== undefined) return { apiKey };
  if (token !== undefined) return { token };
  if (oauthPath !== undefined) return { oauth: oauthPath };
  if (clientId === undefined || clientSecret === undefined) {
    throw new UsageError(`${name('clientId')} and ${name('clientSecret')} go together`);
  }
  return { oauth: { clientId, clientSecret } };
}
