import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/state.js';
import { notFound } from '../server/http-error.js';
import { platformConfig } from './platform-config.js';

/** Health, platform config, OAuth2 token endpoint and file downloads. */
export function systemRoutes(state: EmulatorState): Route[] {
  return [
    { method: 'GET', pattern: '/health', name: 'health', auth: 'public', handler: (ctx) => ctx.send(200, { status: 'UP' }) },
    {
      method: 'GET',
      pattern: '/api/v1/config/GetSparkConfiguration',
      name: 'config.get',
      auth: 'auth',
      family: 'v1',
      handler: (ctx) => ctx.send(200, { status: 'Success', data: platformConfig(ctx.origin) }),
    },
    {
      method: 'POST',
      pattern: '/auth/realms/:realm/protocol/openid-connect/token',
      name: 'oauth.token',
      auth: 'public',
      handler: (ctx) => {
        state.counters.tokenRequests += 1;
        const realm = ctx.params['realm'] ?? '';
        if (realm.toLowerCase() !== state.tenant.toLowerCase()) {
          ctx.send(404, { error: 'Realm does not exist' });
          return;
        }
        // Form-urlencoded per Keycloak; a JSON body is tolerated. Any Authorization header is ignored.
        const fields: Record<string, unknown> = { ...((ctx.json() as Record<string, unknown> | null) ?? {}), ...ctx.fields() };
        const grant = fields['grant_type'];
        const clientId = String(fields['client_id'] ?? '');
        const secret = String(fields['client_secret'] ?? '');
        if (grant !== 'client_credentials') {
          ctx.send(400, { error: 'unsupported_grant_type', error_description: `Unsupported grant_type "${String(grant ?? '')}"` });
          return;
        }
        if (!clientId || state.clients.get(clientId) !== secret) {
          ctx.send(400, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' });
          return;
        }
        const ttl = state.options.tokenTtlSeconds ?? 300;
        ctx.send(200, {
          access_token: state.tokens.issue(ctx.origin, state.tenant, clientId, ttl),
          expires_in: ttl,
          refresh_expires_in: 0,
          token_type: 'Bearer',
          'not-before-policy': 0,
          scope: 'profile email',
        });
      },
    },
    {
      // Handed-out download URLs (exports, logs, rehydrated calls) are capability URLs, like
      // Spark's presigned storage URLs: no credentials (clients such as Client.download send
      // none), but the id is 122 random bits (randomUUID) and only the caller who started the
      // job learns it. Host and Origin guards still apply.
      method: 'GET',
      pattern: '/files/:id/:name',
      name: 'files.download',
      auth: 'public',
      handler: (ctx) => {
        const file = state.files.get(ctx.params['id'] ?? '');
        if (!file) throw notFound('file');
        ctx.sendBytes(200, file.bytes, file.contentType, { 'content-disposition': `attachment; filename="${file.name}"` });
      },
    },
  ];
}
