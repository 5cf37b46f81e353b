import { SparkSdkError, pathSegment } from '@spark/core';
import type { TransformUri } from './types.js';

/** A transform document's folder and name. */
export interface TransformLocation {
  folder: string;
  name: string;
}

/** Parses `'folder/name'` or `{ folder, name }`; throws a `SparkSdkError` before anything is sent. */
export function parseTransformUri(uri: TransformUri, operation: string): TransformLocation {
  let folder: unknown;
  let name: unknown;
  if (typeof uri === 'string') {
    const parts = uri.trim().replace(/^\/+|\/+$/g, '').split('/');
    if (parts.length === 2) [folder, name] = parts;
  } else if (typeof uri === 'object' && uri !== null) {
    ({ folder, name } = uri);
  }
  if (typeof folder !== 'string' || !folder.trim() || typeof name !== 'string' || !name.trim()) {
    throw new SparkSdkError(`${operation}: a transform is named "folder/name" or { folder, name }, got ${JSON.stringify(uri)}`, { cause: uri });
  }
  return { folder: folder.trim(), name: name.trim() };
}

/**
 * `api/v4/transforms/{folder}/{name}`, each segment encoded once. Plural `transforms/`: the
 * Postman collection and TS 0.4 use it (PY 0.3.2 says `transform/`; see contract §13).
 */
export function transformPath({ folder, name }: TransformLocation): string {
  return `api/v4/transforms/${pathSegment(folder, 'folder')}/${pathSegment(name, 'name')}`;
}
