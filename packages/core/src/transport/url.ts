import type { SparkBaseUrl, SparkRequest } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { shownUrl } from './trusted-origin.js';

const V1 = /^api\/v1(\/|$)/i;
/**
 * What a path needs to hold before the parser can read a dot or empty segment in it: a dot or
 * `%2e`, a backslash, a tab or newline (dropped, which can join two slashes), or `//`. The rest of
 * the paths (percent-encoded names among them) skip the check: it runs on every request.
 */
const MAYBE_DOT_OR_EMPTY = /[.\\\t\n\r]|%2e|\/\//i;
/** A `.` or `..` segment, `%2e` included in any case and mix (`.%2e`, `%2E.`). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Whether the URL parser would read `path` with a `.`, `..` or empty segment (a trailing slash
 * aside). It reads the path as the parser does: tabs and newlines dropped, `\\` taken for `/`
 * (http and https are special schemes), `%2e` for `.`, only up to the query or fragment, and
 * without the spaces and control characters it trims from the end of a URL (`.. ` and `..\x01`
 * at the end are `..`).
 */
function hasDotOrEmptySegment(path: string): boolean {
  const segments = path.replace(/[\t\n\r]/g, '').replace(/[?#][^]*/, '').replace(/[\x00-\x20]+$/, '').split(/[/\\]/);
  return segments.some((segment, i) => (segment === '' ? i < segments.length - 1 : DOT_SEGMENT.test(segment)));
}

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
    if (MAYBE_DOT_OR_EMPTY.test(path) && hasDotOrEmptySegment(path)) throw new SparkSdkError(`path "${path}" has an empty, "." or ".." segment; build paths from caller input with pathSegment()`, { cause: path });
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
