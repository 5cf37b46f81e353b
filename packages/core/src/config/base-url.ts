import { SparkSdkError } from '../errors/sdk-error.js';
import type { SparkBaseUrl } from '../client/types.js';

const COHERENT_HOST = /^([^.]+)\.((?:[^.]+\.)?[^.]+)\.coherent\.global$/i;
const SERVICES = new Set(['excel', 'keycloak', 'utility', 'entitystore']);
const NAME = /^[A-Za-z0-9][\w.-]*$/;

/** Inputs for {@link resolveBaseUrl}. */
export interface BaseUrlInput {
  baseUrl?: string | URL | undefined;
  env?: string | undefined;
  tenant?: string | undefined;
}

/**
 * Resolves where the tenant lives. An explicit `baseUrl` wins (any `http(s)` URL: Spark,
 * the emulator, a proxy, a private deployment); its first path segment is the tenant, else
 * `tenant`. Without a URL, `env` + `tenant` give `https://excel.{env}.coherent.global/{tenant}`.
 *
 * @example
 * resolveBaseUrl({ env: 'uat.us', tenant: 'my-tenant' }).full
 * // 'https://excel.uat.us.coherent.global/my-tenant'
 * resolveBaseUrl({ baseUrl: 'http://127.0.0.1:8080/my-tenant' }).tenant // 'my-tenant'
 */
export function resolveBaseUrl(input: BaseUrlInput): SparkBaseUrl {
  if (typeof input !== 'object' || input === null) throw new SparkSdkError('resolveBaseUrl expects { baseUrl?, env?, tenant? }');
  const { baseUrl, env, tenant } = input;
  // JavaScript callers: a Symbol in a template literal, or `.trim()` on a number, is a TypeError.
  if (baseUrl !== undefined && typeof baseUrl !== 'string' && !(baseUrl instanceof URL)) {
    throw new SparkSdkError('baseUrl must be a string or a URL', { cause: baseUrl });
  }
  if (env !== undefined && typeof env !== 'string') throw new SparkSdkError('env must be a string', { cause: env });
  if (tenant !== undefined && typeof tenant !== 'string') throw new SparkSdkError('tenant must be a string', { cause: tenant });
  if (baseUrl !== undefined && `${baseUrl}`.trim() !== '') return fromUrl(`${baseUrl}`.trim(), tenant);
  if (env !== undefined || tenant !== undefined) return fromEnv(env, tenant);
  throw new SparkSdkError(
    'baseUrl is required: pass baseUrl (e.g. "https://excel.uat.us.coherent.global/my-tenant") ' +
      'or env + tenant, or set CSPARK_BASE_URL',
  );
}

function fromUrl(raw: string, tenantOption: string | undefined): SparkBaseUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SparkSdkError(`baseUrl must be an absolute http(s) URL, got "${raw}"`, { cause: raw });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SparkSdkError(`baseUrl must use http or https, got "${url.protocol}"`, { cause: raw });
  }
  if (url.username || url.password) {
    throw new SparkSdkError('baseUrl must not embed credentials; use apiKey, token or oauth');
  }
  const segment = url.pathname.split('/').find((part) => part !== '');
  let tenant: string | undefined;
  try {
    tenant = segment !== undefined ? decodeURIComponent(segment) : tenantOption?.trim();
  } catch {
    throw new SparkSdkError(`baseUrl has a malformed tenant segment "${segment}"`, { cause: raw });
  }
  if (!tenant) {
    throw new SparkSdkError(
      `tenant is required: put it in baseUrl ("${url.origin}/my-tenant") or pass tenant`,
      { cause: raw },
    );
  }
  // A dot segment would vanish from `full` (URL normalisation), sending calls above the tenant.
  if (tenant === '.' || tenant === '..') throw new SparkSdkError(`tenant "${tenant}" is not a valid tenant name`, { cause: raw });
  const match = COHERENT_HOST.exec(url.hostname);
  if (match) {
    const service = SERVICES.has(match[1]!.toLowerCase()) ? match[1]!.toLowerCase() : 'excel';
    const env = match[2]!.toLowerCase();
    return make(`${url.protocol}//${service}.${env}.coherent.global${url.port ? `:${url.port}` : ''}`, tenant, env);
  }
  return make(url.origin, tenant, undefined);
}

function fromEnv(env: string | undefined, tenant: string | undefined): SparkBaseUrl {
  const e = env?.trim().toLowerCase();
  const t = tenant?.trim().toLowerCase();
  const missing = [!e && 'env', !t && 'tenant'].filter(Boolean);
  if (missing.length > 0) {
    throw new SparkSdkError(`${missing.join(' and ')} required: pass baseUrl, or both env and tenant`, {
      cause: { env, tenant },
    });
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)?$/.test(e!)) {
    throw new SparkSdkError(`env must look like "uat.us" or "sit", got "${env}"`, { cause: env });
  }
  if (!NAME.test(t!)) {
    throw new SparkSdkError(`tenant must be a plain name like "my-tenant", got "${tenant}"`, { cause: tenant });
  }
  return make(`https://excel.${e}.coherent.global`, t!, e);
}

function make(origin: string, tenant: string, env: string | undefined): SparkBaseUrl {
  return Object.freeze({ origin, tenant, env, full: `${origin}/${encodeURIComponent(tenant)}` });
}

/**
 * The OAuth2 token URL for a base URL: Keycloak's host for `*.coherent.global`, else the
 * same origin with the Keycloak path.
 *
 * @example
 * tokenUrlFor(resolveBaseUrl({ env: 'uat.us', tenant: 't' }))
 * // 'https://keycloak.uat.us.coherent.global/auth/realms/t/protocol/openid-connect/token'
 */
export function tokenUrlFor(base: SparkBaseUrl): string {
  const origin = base.env ? base.origin.replace(/\/\/[^.]+\./, '//keycloak.') : base.origin;
  return `${origin}/auth/realms/${encodeURIComponent(base.tenant)}/protocol/openid-connect/token`;
}
