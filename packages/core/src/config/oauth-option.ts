import { clientCredentials } from '../auth/client-credentials.js';
import { readCredentialsFile } from '../auth/credentials-file.js';
import type { SparkAuth } from '../auth/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import type { SparkClientOptions } from './options.js';
import type { SparkPlatform } from './platform.js';

/**
 * Resolves the `oauth` option (`{ clientId, clientSecret }` or a credentials-file path) into a
 * client-credentials strategy. The Node entry point injects it into `resolveConfig`.
 *
 * @example
 * resolveConfig({ baseUrl, oauth: './ccg.json' }, { oauth: oauthOption, readTextFile });
 */
export function oauthOption(value: SparkClientOptions['oauth'], tokenUrl: string | undefined, platform: SparkPlatform): SparkAuth {
  if (typeof value === 'string') {
    if (value.trim() === '') throw new SparkSdkError('oauth must be { clientId, clientSecret } or a non-empty file path');
    if (!platform.readTextFile) throw new SparkSdkError('OAuth credentials files can only be read in Node; pass { clientId, clientSecret }');
    return clientCredentials(async () => ({ ...(await readCredentialsFile(value, platform.readTextFile)), ...(tokenUrl ? { tokenUrl } : {}) }));
  }
  if (typeof value !== 'object' || value === null) {
    throw new SparkSdkError('oauth must be { clientId, clientSecret } or a credentials file path');
  }
  return clientCredentials({ ...value, ...(tokenUrl && !value.tokenUrl ? { tokenUrl } : {}) });
}
