import type { SparkAuth } from '../auth/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';

/** Whether the code runs in a browser page or a web worker (not Node, Deno, Bun). */
export function isBrowserLike(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown; process?: { versions?: { node?: string } } };
  if (g.process?.versions?.node) return false;
  return (typeof g.window === 'object' && typeof g.document === 'object') || typeof g.importScripts === 'function';
}

/**
 * Refuses long-lived secrets (API keys, OAuth client secrets) in a browser unless the user
 * opted in: any visitor of the page could read them.
 */
export function guardBrowser(type: SparkAuth['type'], allowBrowser: boolean): void {
  if (allowBrowser || (type !== 'apiKey' && type !== 'oauth') || !isBrowserLike()) return;
  const what = type === 'apiKey' ? 'an API key' : 'an OAuth client secret';
  throw new SparkSdkError(
    `refusing to use ${what} in a browser, where every visitor can read it; use a bearer token ` +
      'or public access, or set allowBrowser: true if you understand the risk',
  );
}
