import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repositoryRoot } from '@spark/test-utils';

/**
 * `../shared/spark-api` beside the repository root: Spark's Postman collection, OpenAPI spec and
 * samples. Read from there, never copied in.
 * @param root - the repository root (default: the one holding this checkout)
 * @throws Error when it is absent: the conformance suite fails rather than skipping
 * @example const collection = join(sharedSparkApi(), 'postman', 'coherent-spark.postman_collection.json');
 */
export function sharedSparkApi(root: string = repositoryRoot()): string {
  const dir = resolve(root, '..', 'shared', 'spark-api');
  if (!existsSync(join(dir, 'postman', 'coherent-spark.postman_collection.json'))) {
    throw new Error(`${dir} is missing (expected ../shared/spark-api beside the repository, with postman/ and samples/): the conformance suite needs Spark's reference data`);
  }
  return dir;
}
