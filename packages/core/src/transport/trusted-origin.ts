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
