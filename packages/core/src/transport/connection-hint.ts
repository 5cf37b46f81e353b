/**
 * What to try, for the connection failures users meet first (refused, unresolved host, TLS
 * certificate), as a suffix for a `SparkConnectionError` message; `''` for any other failure.
 * The Node and default builds pass it to the pipeline; the browser build does not, as `fetch`
 * in a page reports none of these codes.
 *
 * @param detail - the failure as described (code and message, secrets masked)
 * @example
 * connectionHint('ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1')
 * // ' (nothing is listening there: is the Spark server or emulator running at that URL, and is baseUrl right?)'
 */
export function connectionHint(detail: string): string {
  if (/ECONNREFUSED/.test(detail)) return ' (nothing is listening there: is the Spark server or emulator running at that URL, and is baseUrl right?)';
  if (/ENOTFOUND|EAI_AGAIN/.test(detail)) return ' (the host name does not resolve: check baseUrl, DNS or your proxy settings)';
  if (/CERT|certificate|self[- ]signed/i.test(detail)) return ' (TLS certificate check failed: pass ca for a private CA, or check the host name)';
  return '';
}
