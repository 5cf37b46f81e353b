import type { ReadTextFile } from '../auth/credentials-file.js';
import type { SparkAuth } from '../auth/types.js';
import type { StreamWriter } from '../jobs/download.js';
import type { BaseUrlInput } from './base-url.js';
import type { SparkClientOptions } from './options.js';

/** Platform capabilities injected by the entry point (Node or browser). */
export interface SparkPlatform {
  readTextFile?: ReadTextFile;
  writeStream?: StreamWriter;
  /**
   * Lifts Node's listener-count warning on the client's close signal: every waiting
   * poll or batch run loop listens to it (attempts and retry waits do not: they share one
   * `linkAbort` listener).
   */
  unlimitListeners?: (signal: AbortSignal) => void;
  /**
   * Resolves the `oauth` option and the OAuth environment variables. Injected by the Node
   * entry point so that OAuth code stays out of browser bundles that do not use it.
   */
  oauth?: (value: SparkClientOptions['oauth'], tokenUrl: string | undefined, platform: SparkPlatform) => SparkAuth;
  /**
   * Where a JWT bearer token points (`iss` → origin, `realm` → tenant), for a client given a
   * token but no location. Injected by the Node entry point (and the sdk's `Client`), so JWT
   * decoding stays out of small browser bundles — as in the official TS SDK, where it is Node-only.
   */
  locationFromToken?: (location: BaseUrlInput, options: SparkClientOptions) => BaseUrlInput;
}
