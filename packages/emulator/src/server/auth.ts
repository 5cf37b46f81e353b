import type { Ctx } from './context.js';
import type { Route } from './router.js';
import type { TokenStore } from './tokens.js';
import { HttpError, type ErrorFamily } from './http-error.js';

/** Credentials and tenant the emulator accepts. */
export interface AuthConfig {
  tenant: string;
  apiKeys: Set<string>;
  tokens: TokenStore;
  /** No caller authentication at all (a hybrid runner); the tenant is still checked. */
  open?: boolean;
  /** Accept API keys on bearer-only routes (folder and category management). */
  apiKeysForFolders?: boolean;
}

const PLACEHOLDERS = new Set(['none', 'undefined', 'null', '']);

function unauthorized(reason: string, family: ErrorFamily): HttpError {
  return new HttpError(401, `unauthorized: ${reason}`, 'UNAUTHORIZED', family, { 'www-authenticate': 'Bearer' });
}

/** Checks `Authorization: Bearer …`; returns why it failed, or undefined when it is valid. */
function bearerProblem(authz: string | undefined, tokens: TokenStore): string | undefined {
  if (authz === undefined) return 'missing credentials';
  const m = /^\s*bearer\s+(.*)$/i.exec(authz);
  const token = m?.[1]?.trim() ?? '';
  if (!m || PLACEHOLDERS.has(token.toLowerCase())) return 'missing bearer token';
  const state = tokens.check(token);
  if (state === 'ok') return undefined;
  return state === 'expired' ? 'bearer token expired' : 'invalid bearer token';
}

function checkCredentials(ctx: Ctx, route: Route, cfg: AuthConfig, family: ErrorFamily): void {
  const key = ctx.header('x-synthetic-key');
  const bearerOnly = route.auth === 'bearer' && !cfg.apiKeysForFolders;
  if (key !== undefined && !bearerOnly && cfg.apiKeys.has(key)) return;
  const problem = bearerProblem(ctx.header('authorization'), cfg.tokens);
  if (problem === undefined) return;
  if (bearerOnly && key !== undefined) throw unauthorized('this API needs a bearer token; API keys are refused (as on Spark)', family);
  throw unauthorized(key !== undefined && !cfg.apiKeys.has(key) ? 'invalid API key' : problem, family);
}

/**
 * Enforces contract §2/§11: `x-synthetic-key` or `Authorization: Bearer …` on `auth` routes
 * (placeholders such as `Bearer None` are 401), a bearer token on `bearer` routes (folder and
 * category management refuse API keys, as on Spark, unless `apiKeysForFolders`), then the
 * tenant: a `/{tenant}/…` path or an `x-tenant-name` header naming another tenant is answered
 * with **400** `TENANT_MISMATCH` (Spark's OpenAPI).
 * @throws HttpError 401 or 400
 */
export function authorize(ctx: Ctx, route: Route, cfg: AuthConfig): void {
  const family = route.family ?? 'v3';
  const needsCredentials = route.auth === 'auth' || route.auth === 'bearer';
  if (needsCredentials && !cfg.open) checkCredentials(ctx, route, cfg, family);
  const pathTenant = ctx.params['tenant'];
  if (pathTenant !== undefined) {
    if (pathTenant.toLowerCase() !== cfg.tenant.toLowerCase()) throw tenantMismatch(pathTenant, family);
  } else if (needsCredentials && !cfg.open) {
    const headerTenant = ctx.header('x-tenant-name');
    if (headerTenant && headerTenant.toLowerCase() !== cfg.tenant.toLowerCase()) throw tenantMismatch(headerTenant, family);
  }
}

function tenantMismatch(tenant: string, family: ErrorFamily): HttpError {
  return new HttpError(400, 'TENANT_MISMATCH', 'TENANT_MISMATCH', family, {}, [`tenant "${tenant}" is not this environment's tenant`]);
}
