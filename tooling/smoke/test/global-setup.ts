import { delimiter, dirname } from 'node:path';
import { installCached, MINIFLARE_VERSION, NODE_VERSIONS, nodeBinary } from '../src/runtime-cache.js';

/**
 * Installs the downloaded runtimes (Node 22/24/26, miniflare) once, one after another, before
 * any test file runs, so parallel test files never race on the same cache folder. A no-op when
 * the cache has them (a fresh CI machine downloads them here: about 2 minutes).
 */
export default async function setup(): Promise<void> {
  for (const major of Object.keys(NODE_VERSIONS).map(Number) as (keyof typeof NODE_VERSIONS)[]) await nodeBinary(major);
  const node24 = await nodeBinary(24);
  await installCached('miniflare', MINIFLARE_VERSION, `${dirname(node24)}${delimiter}${process.env['PATH'] ?? ''}`);
}
