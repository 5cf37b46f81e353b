import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest directory above this file holding `pnpm-workspace.yaml`
 * (works in a git worktree and in a plain copy alike).
 */
export function repositoryRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}: cannot find the repository root`);
    dir = parent;
  }
}

/**
 * `../shared/spark-api` beside the repository root: Spark's Postman collection, OpenAPI spec and
 * samples. Read from there, never copied in.
 * @param root - the repository root (default: found from this file)
 * @throws Error when it is absent: the conformance suite fails rather than skipping
 */
export function sharedSparkApi(root: string = repositoryRoot()): string {
  const dir = resolve(root, '..', 'shared', 'spark-api');
  if (!existsSync(join(dir, 'postman', 'coherent-spark.postman_collection.json'))) {
    throw new Error(`${dir} is missing (expected ../shared/spark-api beside the repository, with postman/ and samples/): the conformance suite needs Spark's reference data`);
  }
  return dir;
}
