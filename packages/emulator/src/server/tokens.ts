import { randomBytes } from 'node:crypto';

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** The Keycloak origin beside a Spark API origin: `excel.` → `keycloak.`, anything else unchanged. */
function keycloakOrigin(origin: string): string {
  return origin.replace(/^(https?:\/\/)excel\./i, '$1keycloak.');
}

/** Issues and checks bearer tokens (issued ones expire; static ones never do). */
export class TokenStore {
  private readonly issued = new Map<string, number>();
  private readonly staticTokens: Set<string>;

  constructor(staticTokens: string[]) {
    this.staticTokens = new Set(staticTokens);
  }

  /**
   * Issues a JWT-shaped token (unsigned for practical purposes) with `iss`, `realm` and `exp`,
   * so SDKs that decode tokens find the claims they expect. `iss` has Keycloak's form,
   * `{origin}/auth/realms/{tenant}`, with an `excel.` host label swapped for `keycloak.`
   * (`https://excel.dev.example` → `https://keycloak.dev.example/auth/realms/my-tenant`).
   */
  issue(origin: string, tenant: string, clientId: string, ttlSeconds: number): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'spark-emulator' }));
    const payload = b64url(
      JSON.stringify({
        exp: now + ttlSeconds,
        iat: now,
        jti: randomBytes(8).toString('hex'),
        iss: `${keycloakOrigin(origin)}/auth/realms/${tenant}`,
        aud: 'product-factory',
        sub: clientId,
        azp: clientId,
        realm: tenant,
        typ: 'Bearer',
      }),
    );
    const token = `${header}.${payload}.${b64url(randomBytes(32))}`;
    this.prune();
    this.issued.set(token, Date.now() + ttlSeconds * 1000);
    return token;
  }

  /** `ok`, `expired` or `unknown`. */
  check(token: string): 'ok' | 'expired' | 'unknown' {
    if (this.staticTokens.has(token)) return 'ok';
    const exp = this.issued.get(token);
    if (exp === undefined) return 'unknown';
    return Date.now() < exp ? 'ok' : 'expired';
  }

  private prune(): void {
    if (this.issued.size < 1000) return;
    const now = Date.now();
    for (const [t, exp] of this.issued) if (exp <= now) this.issued.delete(t);
  }
}
