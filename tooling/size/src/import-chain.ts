import type { Metafile } from 'esbuild';

/**
 * Finds the shortest chain of imports from a bundle's entry to a module (why it was bundled).
 *
 * @param metafile - esbuild's metafile of the build
 * @param entry - input path of the entry module
 * @param target - input path of the module to explain
 * @returns the chain `[entry, …, target]`, or `undefined` when the target is not reachable
 * @example
 * importChain(m.metafile, 'execute-only.js', '../../packages/core/dist/auth/client-credentials.js');
 * // ['execute-only.js', '…/core/dist/index.js', '…/core/dist/client/create-client.js', …]
 */
export function importChain(metafile: Metafile, entry: string, target: string): string[] | undefined {
  const previous = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === target) {
      const chain: string[] = [];
      for (let at: string | null = current; at !== null; at = previous.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const { path } of metafile.inputs[current]?.imports ?? []) {
      if (!previous.has(path) && metafile.inputs[path]) {
        previous.set(path, current);
        queue.push(path);
      }
    }
  }
  return undefined;
}
