import { SparkSdkError, pathSegment } from '@spark/core';

/** `api/v4/batch/{id}[/suffix]`, the id encoded once; an empty id is refused before sending. */
export function batchPath(batchId: string, suffix = ''): string {
  if (typeof batchId !== 'string' || batchId.trim() === '') {
    throw new SparkSdkError('batch pipeline id is required to proceed', { cause: batchId });
  }
  return `api/v4/batch/${pathSegment(batchId.trim(), 'batchId')}${suffix ? `/${suffix}` : ''}`;
}
