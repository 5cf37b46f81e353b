import type { SparkBaseUrl, SparkRequest } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { shownUrl } from './trusted-origin.js';

const V1 = /^api\/v1(\/|$)/i;
const DOT_OR_EMPTY = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|%2e%2e|^%2e(?:\/|$)|\/%2e(?:\/|$)/i;

/**
 * Resolves a request's URL: `api/v1/...` paths hang off the origin, every other path off
 * `origin/tenant`; absolute `url`s are used as given. Query values are encoded once.
 */
export function buildUrl(base: SparkBaseUrl, request: Pick<SparkRequest, 'path' | 'url' | 'query'>): string {
  let url: string;
  if (request.url !== undefined) {
    if (!/^https?:\/\//i.test(request.url)) throw new SparkSdkError(`url must be an absolute http(s) URL, got "${shownUrl(String(request.url), [])}"`);
    url = request.url;
  } else {
    const path = (request.path ?? '').replace(/^\/+/, '');
    // Backstop for pathSegment(): a dot or empty segment would make the URL parser call another path.
    if ((path.includes('.') || path.includes('//') || path.includes('%')) && DOT_OR_EMPTY.test(path)) throw new SparkSdkError(`path "${path}" has an empty, "." or ".." segment; build paths from caller input with pathSegment()`, { cause: path });
    url = `${V1.test(path) ? base.origin : base.full}/${path}`;
  }
  if (!request.query) return url;
  let query = '';
  for (const [key, value] of Object.entries(request.query)) {
    if (value === undefined) continue;
    query += `${query ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}
