import { SparkSdkError } from '../errors/sdk-error.js';
import { builtin } from './builtins.node.js';

/** Extra trusted CA certificates: PEM text or bytes, one or many. */
export type SparkCaOption = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

/**
 * The `ca` list of the client's https agent: Node's bundled roots, the certificates of
 * `NODE_EXTRA_CA_CERTS` (Node drops both as soon as `ca` is given, so they are put back),
 * then the caller's own. `undefined` when the caller gave none: Node's defaults apply,
 * `NODE_EXTRA_CA_CERTS` included.
 *
 * @param ca - the client's `ca` option
 * @param env - the environment (default `process.env`)
 * @returns the certificates for `https.Agent({ ca })`, or `undefined`
 * @example
 * new https.Agent({ ca: trustedCertificates(fs.readFileSync('corp-root.pem', 'utf8')) })
 */
export function trustedCertificates(ca: SparkCaOption | undefined, env: Record<string, string | undefined> = process.env): string[] | undefined {
  if (ca === undefined) return undefined;
  const list = typeof ca === 'string' || ca instanceof Uint8Array ? [ca] : ca;
  if (!Array.isArray(list) || list.length === 0) throw new SparkSdkError('ca must be PEM text or bytes, or a non-empty list of them');
  const own = list.map((item, i) => {
    const pem = typeof item === 'string' ? item : item instanceof Uint8Array ? Buffer.from(item).toString('utf8') : undefined;
    if (pem === undefined || !pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new SparkSdkError(`ca[${i}] must be a PEM certificate ("-----BEGIN CERTIFICATE-----…")`);
    }
    return pem;
  });
  return [...builtin('node:tls').rootCertificates, ...extraCertificates(env['NODE_EXTRA_CA_CERTS']), ...own];
}

function extraCertificates(path: string | undefined): string[] {
  if (!path) return [];
  try {
    return [builtin('node:fs').readFileSync(path, 'utf8')];
  } catch {
    // Node itself already warned at startup that the file could not be read.
    return [];
  }
}
