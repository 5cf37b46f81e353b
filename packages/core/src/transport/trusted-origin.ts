/**
 * Whether an absolute URL is on one of the origins credentials may go to (the client's own
 * Spark origin first, then its `trustedOrigins`). A prefix comparison settles the usual case
 * without parsing; anything else is parsed once and compared by normalised origin, so
 * `https://spark.example.com.evil.test` or `https://spark.example.com@evil.test` never match.
 *
 * @param url - an absolute http(s) URL
 * @param origins - normalised origins (`URL.origin` form)
 * @example
 * isTrustedUrl('https://excel.uat.us.coherent.global/t/api/v3/x', ['https://excel.uat.us.coherent.global']) // true
 * isTrustedUrl('https://bucket.s3.amazonaws.com/f?sig=…', ['https://excel.uat.us.coherent.global'])          // false
 */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  for (const origin of origins) {
    if (url.startsWith(origin)) {
      const next = url.charCodeAt(origin.length);
      // end, '/', '?', '#'
      if (Number.isNaN(next) || next === 47 || next === 63 || next === 35) return true;
    }
  }
  let origin: string;
  try { origin = new URL(url).origin; } catch { return false; }
  return origins.includes(origin);
}

/** `scheme://user:pass@` at the start of a URL; the authority ends at the first '/', '?', '#' or '\'. */
const USERINFO = /^([a-z][a-z\d+.-]*:\/\/)([^/?#\\]*)@/i;

/**
 * A URL as errors, debug logs, hooks and spans show it. One on a trusted origin (Spark's own,
 * then `trustedOrigins`) is shown as given: its query is the caller's own parameters. Any other
 * (a presigned download or upload URL a response handed out) is shown without what may sign it:
 * its query becomes `?…` and its fragment is dropped. A `user:pass@` is dropped from both. The
 * string is cut, not parsed, so a URL the runtime would refuse is shown by the same rule.
 *
 * @param url - the URL a call requests (or was given)
 * @param origins - normalised trusted origins (`SparkConfig.trustedOrigins`)
 * @example
 * shownUrl('https://bucket.s3.amazonaws.com/f.zip?X-Amz-Signature=abc', ['https://excel.uat.us.coherent.global'])
 * // 'https://bucket.s3.amazonaws.com/f.zip?…'
 * shownUrl('https://excel.uat.us.coherent.global/t/api/v3/x?page=2', ['https://excel.uat.us.coherent.global'])
 * // unchanged
 */
export function shownUrl(url: string, origins: readonly string[]): string {
  const bare = url.replace(USERINFO, '$1');
  return isTrustedUrl(url, origins) ? bare : bare.replace(/[?#][^]*/, (rest) => (rest[0] === '?' ? '?…' : ''));
}

/** Query values shorter than this are not taken for secrets: signatures, credentials and tokens are longer, and masking `host` or `3600` would only blank out words of an error body. */
const SECRET_MIN = 8;

/**
 * What an off-origin URL holds that a server may echo back (S3 quotes the signature it was
 * given in a `SignatureDoesNotMatch` body) or a runtime may quote: its `user:pass@` and its
 * query values of 8 characters or more, as sent and decoded, to mask like the client's own secrets.
 *
 * @example
 * urlSecrets('https://b.test/f?X-Amz-Signature=abc123def456&X-Amz-Expires=3600') // ['abc123def456', 'abc123def456']
 */
export function urlSecrets(url: string): string[] {
  const parts = USERINFO.exec(url)?.[2]?.split(':') ?? [];
  const path = url.split('#')[0]!;
  const query = path.indexOf('?');
  if (query >= 0) {
    for (const pair of path.slice(query + 1).split('&')) {
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value.length >= SECRET_MIN) parts.push(value);
    }
  }
  // Each as sent and percent-decoded (a body quotes the decoded credential).
  return parts.flatMap((part) => { try { return [part, decodeURIComponent(part)]; } catch { return [part]; } });
}
