/**
 * The SDK version sent in `User-Agent` and `x-spark-ua`. Written from package.json by
 * scripts/sync-version.mjs (run by `pnpm version-packages`); do not edit by hand.
 */
export const VERSION = '0.1.0';
