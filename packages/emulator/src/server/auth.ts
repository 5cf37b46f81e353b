import type { Ctx } from './context.js';
import type { Route } from './router.js';
import type { TokenStore } from './tokens.js';
import { HttpError } from './http-error.js';

/** Credentials and tenant the emulator accepts. */
export interface AuthConfig {
  tenant: string;
  apiKeys: Set<string>;
  tokens: TokenStore;
  /** No caller authentication at all (a hybrid runner); the tenant is still checked. */
  open?: boolean;
}

const PLACEHOLDERS = new Set(['none', 'undefined', 'null', '']);

/**
 * Enforces contract §2/§11: `x-synthetic-key` or `Authorization: Bearer …` on non-public
 * routes (placeholders such as `Bearer None` are 401), then the tenant: a `/{tenant}/…` path
 * or an `x-tenant-name` header naming another tenant is answered with **403** (the
 * credentials are valid, just not for that tenant).
 * @throws HttpError 401 or 403
 */
export function authorize(ctx: Ctx, route: Route, cfg: AuthConfig): void {
  const family = route.family ?? 'v3';
  if (route.auth === 'auth' && !cfg.open) {
    const key = ctx.header('x-synthetic-key');
    const authz = ctx.header('authorization');
    let ok = false;
    let reason = 'missing credentials';
    if (key !== undefined) {
      ok = cfg.apiKeys.has(key);
      if (!ok) reason = 'invalid API key';
    }
    if (!ok && authz !== undefined) {
      const m = /^\s*bearer\s+(.*)$/i.exec(authz);
      const token = m?.[1]?.trim() ?? '';
      if (!m || PLACEHOLDERS.has(token.toLowerCase())) reason = 'missing bearer token';
      else {
        const state = cfg.tokens.check(token);
        ok = state === 'ok';
        if (!ok) reason = state === 'expired' ? 'bearer token expired' : 'invalid bearer token';
      }
    }
    if (!ok) throw new HttpError(401, `unauthorized: ${reason}`, 'UNAUTHORIZED', family, { 'www-authenticate': 'Bearer' });
  }
  const pathTenant = ctx.params['tenant'];
  if (pathTenant !== undefined) {
    if (pathTenant.toLowerCase() !== cfg.tenant.toLowerCase()) throw forbidden(pathTenant, family);
  } else if (route.auth === 'auth' && !cfg.open) {
    const headerTenant = ctx.header('x-tenant-name');
    if (headerTenant && headerTenant.toLowerCase() !== cfg.tenant.toLowerCase()) throw forbidden(headerTenant, family);
  }
}

function forbidden(tenant: string, family: 'v1' | 'v3' | 'v4'): HttpError {
  return new HttpError(403, `forbidden: access to tenant "${tenant}" is not allowed`, 'FORBIDDEN', family);
}
